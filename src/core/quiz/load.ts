// Loading a quiz.json: parsed by the schema, then every question cross-checked against the lesson's text (each
// piece of evidence must be an exact quote lying within one sentence of its paragraph).
import * as v from 'valibot';
import { LessonError, type Lesson } from '../lesson';
import { locateEvidence, occurrences } from './evidence';
import { QuizFileSchema, type QuizQuestionInput } from './schema';
import type { Cloze, Evidence, MatchingPair, Option, OrderingItem, Question, Quiz } from './types';

const fold = (text: string): string => text.normalize('NFC').toLocaleLowerCase('fr');

function checkUnique<T>(items: readonly T[], key: (item: T) => string, what: string, where: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) problems.push(`${where}: duplicate ${what} "${k}"`);
    seen.add(k);
  }
}

function checkOptions(options: readonly Option[], where: string, problems: string[]): void {
  checkUnique(options, (o) => o.id, 'option id', where, problems);
  checkUnique(options, (o) => fold(o.text), 'option text', where, problems);
}

function checkCorrectOption(options: readonly Option[], id: string, where: string, problems: string[]): void {
  if (!options.some((o) => o.id === id)) {
    problems.push(`${where}: correct option "${id}" is not one of its options (${options.map((o) => o.id).join(', ')})`);
  }
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch);

function resolveCloze(evidence: Evidence, blank: string, where: string, problems: string[]): Cloze | undefined {
  const found = occurrences(evidence.quote, blank);
  if (found.length !== 1) {
    problems.push(
      found.length === 0
        ? `${where}: blank "${blank}" is not in the evidence quote`
        : `${where}: blank "${blank}" occurs ${found.length} times in the evidence quote; it must occur once`,
    );
    return undefined;
  }
  const at = found[0] ?? 0;
  const before = evidence.quote.slice(0, at);
  const after = evidence.quote.slice(at + blank.length);
  if (isLetter(before.at(-1)) || isLetter(after[0])) {
    problems.push(`${where}: blank "${blank}" must be whole words of the quote, not part of a word`);
    return undefined;
  }
  return { before, blank, after, start: evidence.start + at, end: evidence.start + at + blank.length };
}

function resolveQuestion(q: QuizQuestionInput, lesson: Lesson, where: string, problems: string[]): Question | undefined {
  const count = problems.length;
  const evidenceOf = (e: { paragraph: number; quote: string }, label: string): Evidence | undefined => {
    const found = locateEvidence(lesson, e.paragraph, e.quote);
    if (typeof found === 'string') {
      problems.push(`${where}: ${label}: ${found}`);
      return undefined;
    }
    return found;
  };
  const evidence = evidenceOf(q.evidence, 'evidence');
  const common = {
    id: q.id,
    prompt: q.prompt,
    promptLang: q.promptLang,
    explanation: q.explanation,
    explanationLang: q.explanationLang ?? 'en',
    skill: q.skill,
  };
  let question: Question | undefined;

  switch (q.type) {
    case 'single':
      checkOptions(q.options, where, problems);
      checkCorrectOption(q.options, q.correct, where, problems);
      if (evidence) question = { ...common, evidence, type: 'single', options: q.options, optionLang: q.optionLang ?? q.promptLang, correct: q.correct };
      break;
    case 'multiple':
      checkOptions(q.options, where, problems);
      checkUnique(q.correct, (id) => id, 'correct option', where, problems);
      for (const id of q.correct) checkCorrectOption(q.options, id, where, problems);
      if (q.options.every((o) => q.correct.includes(o.id))) problems.push(`${where}: every option is correct; add at least one wrong option`);
      if (evidence) question = { ...common, evidence, type: 'multiple', options: q.options, optionLang: q.optionLang ?? q.promptLang, correct: q.correct };
      break;
    case 'true-false':
      if (evidence) question = { ...common, evidence, type: 'true-false', correct: q.correct };
      break;
    case 'short-answer':
      if (evidence) question = { ...common, evidence, type: 'short-answer', accepted: q.accepted, accentsMatter: q.accentsMatter, answerLang: q.answerLang ?? q.promptLang };
      break;
    case 'cloze': {
      const cloze = evidence && resolveCloze(evidence, q.blank, where, problems);
      if (q.mode === 'typed') {
        const accepted = [q.blank, ...(q.accepted ?? []).filter((a) => a !== q.blank)];
        if (evidence && cloze) question = { ...common, evidence, type: 'cloze', mode: 'typed', cloze, accepted, accentsMatter: q.accentsMatter };
      } else {
        checkOptions(q.options, where, problems);
        checkCorrectOption(q.options, q.correct, where, problems);
        const right = q.options.find((o) => o.id === q.correct);
        if (right && right.text !== q.blank) {
          problems.push(`${where}: correct option "${q.correct}" reads "${right.text}" but the blank is "${q.blank}"`);
        }
        if (evidence && cloze) question = { ...common, evidence, type: 'cloze', mode: 'choice', cloze, options: q.options, optionLang: q.optionLang ?? 'fr', correct: q.correct };
      }
      break;
    }
    case 'matching': {
      checkUnique(q.pairs, (p) => p.id, 'pair id', where, problems);
      checkUnique(q.pairs, (p) => fold(p.left), 'left side', where, problems);
      checkUnique(q.pairs, (p) => fold(p.right), 'right side', where, problems);
      const pairs = q.pairs.map((p): MatchingPair => {
        const e = p.evidence && evidenceOf(p.evidence, `pair "${p.id}" evidence`);
        return { id: p.id, left: p.left, right: p.right, ...(e ? { evidence: e } : {}) };
      });
      if (evidence) question = { ...common, evidence, type: 'matching', pairs, leftLang: q.leftLang, rightLang: q.rightLang };
      break;
    }
    case 'ordering': {
      checkUnique(q.items, (i) => i.id, 'item id', where, problems);
      checkUnique(q.items, (i) => fold(i.text), 'item text', where, problems);
      const items = q.items.map((i): OrderingItem => {
        const e = i.evidence && evidenceOf(i.evidence, `item "${i.id}" evidence`);
        return { id: i.id, text: i.text, ...(e ? { evidence: e } : {}) };
      });
      if (evidence) question = { ...common, evidence, type: 'ordering', items, itemLang: q.itemLang ?? q.promptLang };
      break;
    }
    case 'open':
      if (evidence) question = { ...common, evidence, type: 'open', answerLang: q.answerLang ?? 'fr', ...(q.guidance ? { guidance: q.guidance } : {}) };
      break;
  }
  return problems.length === count ? question : undefined;
}

/** Names the question an issue is about, e.g. `question 3 ("trip-length"): type: Invalid type…`. */
function describeIssue(issue: v.BaseIssue<unknown>, json: unknown): string {
  const path = v.getDotPath(issue);
  const match = path ? /^questions\.(\d+)(?:\.(.*))?$/.exec(path) : null;
  if (!match) return `${path ?? '(root)'}: ${issue.message}`;
  const index = Number(match[1]);
  const raw = (json as { questions?: unknown[] }).questions?.[index] as { id?: unknown } | undefined;
  const name = typeof raw?.id === 'string' ? ` ("${raw.id}")` : '';
  return `question ${index + 1}${name}: ${match[2] ?? '(question)'}: ${issue.message}`;
}

/** Parses and cross-checks a lesson's quiz.json; throws LessonError('quiz.json', problems) naming every problem found. */
export function loadQuiz(raw: string, lesson: Lesson): Quiz {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new LessonError('quiz.json', [`not valid JSON (${(error as Error).message})`], [{ problem: 'notJson', detail: (error as Error).message }]);
  }
  const result = v.safeParse(QuizFileSchema, json);
  if (!result.success) {
    throw new LessonError('quiz.json', result.issues.map((issue) => describeIssue(issue, json)));
  }
  const file = result.output;
  const problems: string[] = [];
  if (file.lesson !== lesson.manifest.id) {
    problems.push(`lesson: the quiz is for "${file.lesson}" but the lesson is "${lesson.manifest.id}"`);
  }
  const seen = new Set<string>();
  const questions: Question[] = [];
  file.questions.forEach((q, i) => {
    const where = `question ${i + 1} ("${q.id}")`;
    if (seen.has(q.id)) problems.push(`${where}: duplicate question id "${q.id}"`);
    seen.add(q.id);
    const question = resolveQuestion(q, lesson, where, problems);
    if (question) questions.push(question);
  });
  if (problems.length > 0) throw new LessonError('quiz.json', problems);
  return { lesson: file.lesson, ...(file.title ? { title: file.title } : {}), questions };
}
