// The teacher's reports as data: a class overview, per-question analysis, per-paragraph difficulty and a learner's
// answer-by-answer record. Built from plain rows, so the same model feeds the screen, CSV, PDF and JSON. Long because
// the class report's questions, paragraphs, learners and typed answers come from one pass over the counted answers.
import { isTyped, typedText } from '../accepted-answers';
import { normaliseAnswer, type Verdict } from '../grading';
import type { Question, Quiz } from '../quiz';
import { readAnswer } from '../stored-quiz';
import { COMPLETION_HELP, quizCompletion } from './completion';
import { itemStats, type ItemStats, type Response } from './item-stats';
import { regradingLines, type Regrading, type RegradingLine } from './regrading';

export const CLASS_REPORT_FORMAT = 'liseuse-class-report';
export const CLASS_REPORT_VERSION = 1;

export interface ReportInput {
  /** paragraphOpenings: each paragraph's first words (see core/excerpt), which name it in the reports. */
  /** version: the lesson version reported on (its attempts only); versions: every version with attempts. */
  lesson: { id: string; title: string; paragraphOpenings: readonly string[]; version: number; versions: readonly number[] };
  quiz: Quiz | undefined;
  learners: { id: string; name: string }[];
  /** Comprehension attempts only. */
  attempts: { id: string; learnerId: string; startedAt: string; finishedAt: string | null; score: number | null }[];
  answers: {
    attemptId: string;
    questionId: string;
    answer: string;
    score: number;
    verdict: Verdict;
    timeMs: number;
    answeredAt: string;
    /** The near-miss first try (answer JSON) when the learner tried twice; `answer` is the counted second try. */
    firstTry?: string;
    /** The teacher's comment on a graded open answer. */
    teacherComment?: string | null;
  }[];
  /** paragraph is 0-based, as stored. */
  lookups: { learnerId: string; lemma: string; paragraph: number }[];
  readingSeconds: Record<string, number>;
  statuses: { learnerId: string; status: 'learning' | 'known'; count: number }[];
  /** Questions regraded after the teacher accepted or rejected a typed answer, oldest first; none when absent. */
  regradings?: Regrading[];
}

/** One answer as the class report reads it. */
export type CountedAnswer = Pick<ReportInput['answers'][number], 'attemptId' | 'questionId' | 'answer' | 'score' | 'verdict'>;

/**
 * What the class report needs of the answers, rather than all of them: a class of 1,000 learners with five
 * attempts each has 100,000 answers, of which the report reads one attempt per learner.
 */
export interface ClassReportInput extends Omit<ReportInput, 'answers'> {
  /** Every answer of the counted attempts (see reportAttempts), in the order ReportInput lists answers. */
  countedAnswers: CountedAnswer[];
  /** How many distinct questions each latest attempt (see reportAttempts) answered, by attempt id; absent is none. */
  answeredQuestions: ReadonlyMap<string, number>;
}

export interface LearnerRow {
  id: string;
  name: string;
  attempts: number;
  finishedAttempts: number;
  lastScore: number | null;
  bestScore: number | null;
  /** 0..1, by the one rule in ./completion (1 once any attempt is finished). */
  completion: number;
  readingSeconds: number;
  lookups: number;
  wordsLookedUp: number;
  learning: number;
  known: number;
}

export interface QuestionRow extends Omit<ItemStats, 'wrongChoices'> {
  number: number;
  prompt: string;
  /** The prompt's language, for its lang attribute. */
  promptLang: Question['promptLang'];
  type: Question['type'];
  /** Answered by typing: its answers can be reviewed and accepted one by one. */
  typed: boolean;
  /** 1-based paragraph of the evidence. */
  paragraph: number;
  wrongChoices: { optionId: string; text: string; count: number }[];
  /** Open answers of the counted attempts still awaiting the teacher: in no figure above until graded. */
  awaiting: number;
}

export interface ParagraphRow {
  paragraph: number;
  /** The paragraph's first words. */
  opening: string;
  lookups: number;
  learnersLookingUp: number;
  /** Answers below full marks to questions whose evidence is in this paragraph (counted attempts only). */
  misses: number;
}

export interface ClassReport {
  format: typeof CLASS_REPORT_FORMAT;
  version: typeof CLASS_REPORT_VERSION;
  generatedAt: string;
  /** version: the lesson version whose attempts these are (a report never mixes versions); versions: every version answered. */
  lesson: { id: string; title: string; questionCount: number; version: number; versions: number[] };
  /** Which attempt of each learner the question analysis counts. */
  countedAttempt: 'first finished';
  /** What each learner's `completion` means, in words, for whoever reads the JSON. */
  completionRule: typeof COMPLETION_HELP;
  learners: LearnerRow[];
  questions: QuestionRow[];
  paragraphs: ParagraphRow[];
  /** Questions regraded on this computer: scores above already count the change. */
  regradings: RegradingLine[];
}

export interface LearnerReport {
  format: 'liseuse-learner-report';
  version: 1;
  generatedAt: string;
  lesson: { id: string; title: string; version: number; versions: number[] };
  learner: LearnerRow;
  attempts: {
    id: string;
    startedAt: string;
    finishedAt: string | null;
    score: number | null;
    answers: {
      number: number;
      questionId: string;
      prompt: string;
      /** In words; null when the stored answer cannot be read (see describeAnswer). */
      given: string | null;
      /** The near-miss first try in words, when there was a second try; `given` is the counted one. */
      firstTry?: string | null;
      /** A true-false question's: `given` and `firstTry` are its values, 'true' or 'false', to word (truthInWords). */
      trueFalse?: true;
      verdict: Verdict;
      score: number;
      timeMs: number;
      teacherComment: string | null;
    }[];
  }[];
  lookups: { lemma: string; count: number; paragraphs: number[] }[];
  /** The lesson's regradings; each one's attempts are this learner's only. */
  regradings: RegradingLine[];
}

const optionText = (options: { id: string; text: string }[], id: string): string => options.find((o) => o.id === id)?.text ?? id;

/** The words core leaves to whoever shows a described answer, in their language. */
export interface AnswerWords {
  /** A near miss's two tries: "1st try: … · 2nd try: …". */
  tries: (first: string, second: string) => string;
  truth: TruthWords;
  /** In place of an answer that cannot be read (describeAnswer's null). */
  unreadable: string;
}

/**
 * What the learner gave, both tries when a near miss earned a second one, in the words of whoever shows it, a
 * true-false answer's value in its `truth` words, an unreadable one as `unreadable` says.
 */
export function givenWithTries(answer: { given: string | null; firstTry?: string | null; trueFalse?: true }, words: AnswerWords): string {
  const word = (text: string | null): string => (text === null ? words.unreadable : answer.trueFalse ? truthInWords(text, words.truth) : text);
  return answer.firstTry === undefined ? word(answer.given) : words.tries(word(answer.firstTry), word(answer.given));
}

/** The words for a true-false answer's two values, in the language of whoever shows it. */
export type TruthWords = Record<'true' | 'false', string>;

/**
 * Core describes a true-false answer by its value, 'true' or 'false', in no language (a `trueFalse` flag beside it
 * says so); the screen and the exports word it here.
 */
export function truthInWords(text: string, words: TruthWords): string {
  return text === 'true' || text === 'false' ? words[text] : text;
}

/**
 * A learner's answer in words, as a teacher reads it in a report; null for a damaged or foreign row, which whoever
 * shows it words in their language (AnswerWords.unreadable) while the rest of the report renders.
 */
export function describeAnswer(question: Question | undefined, raw: string): string | null {
  const answer = readAnswer(raw);
  if (!answer) return null;
  switch (answer.type) {
    case 'single':
      return question && 'options' in question ? optionText(question.options, answer.choice) : answer.choice;
    case 'multiple':
      return answer.choices.map((id) => (question && 'options' in question ? optionText(question.options, id) : id)).join(' | ');
    case 'true-false':
      return answer.value ? 'true' : 'false';
    case 'short-answer':
      return answer.text;
    case 'cloze':
      return answer.mode === 'typed' ? answer.text : question && 'options' in question ? optionText(question.options, answer.choice) : answer.choice;
    case 'matching': {
      const pairs = question?.type === 'matching' ? question.pairs : [];
      return Object.entries(answer.pairs)
        .map(([left, right]) => `${pairs.find((p) => p.id === left)?.left ?? left} → ${pairs.find((p) => p.id === right)?.right ?? right}`)
        .join(' | ');
    }
    case 'ordering': {
      const items = question?.type === 'ordering' ? question.items : [];
      return answer.order.map((id, i) => `${i + 1}. ${items.find((item) => item.id === id)?.text ?? id}`).join(' ');
    }
    case 'open':
      return answer.text;
  }
}

/** The options an answer chose; an unreadable answer counts none. */
function chosenOptions(raw: string): string[] {
  const answer = readAnswer(raw);
  if (answer?.type === 'single') return [answer.choice];
  if (answer?.type === 'multiple') return answer.choices;
  if (answer?.type === 'cloze' && answer.mode === 'choice') return [answer.choice];
  if (answer?.type === 'true-false') return [answer.value ? 'true' : 'false'];
  return [];
}

function correctOptions(question: Question): string[] {
  switch (question.type) {
    case 'single':
      return [question.correct];
    case 'multiple':
      return question.correct;
    case 'cloze':
      return question.mode === 'choice' ? [question.correct] : [];
    case 'true-false':
      return [question.correct ? 'true' : 'false'];
    default:
      return [];
  }
}

function optionsOf(question: Question): { id: string; text: string }[] {
  // Their values, worded by whoever shows the report (truthInWords).
  if (question.type === 'true-false') return [{ id: 'true', text: 'true' }, { id: 'false', text: 'false' }];
  return 'options' in question ? question.options : [];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Attempts by start time; attempts started at the same moment keep the order they were given in. */
const chronological = <T extends { startedAt: string }>(attempts: readonly T[]): T[] => [...attempts].sort((a, b) => a.startedAt.localeCompare(b.startedAt));

/**
 * The attempts whose answers a class report reads: each learner's first finished one (`counted`, learner id →
 * attempt id), whose answers the question analysis counts, and each learner's latest one (`latest`, attempt ids),
 * whose answered questions give the completion before any is finished (see ./completion).
 */
export function reportAttempts(attempts: ReportInput['attempts']): { counted: Map<string, string>; latest: string[] } {
  const counted = new Map<string, string>();
  const latest = new Map<string, string>();
  for (const attempt of chronological(attempts)) {
    if (attempt.finishedAt !== null && !counted.has(attempt.learnerId)) counted.set(attempt.learnerId, attempt.id);
    latest.set(attempt.learnerId, attempt.id);
  }
  return { counted, latest: [...latest.values()] };
}

/** The class report's share of every answer, picked out in memory: the plain way, for callers that have them all. */
export function classReportInput(input: ReportInput): ClassReportInput {
  const { answers, ...rest } = input;
  const { counted, latest } = reportAttempts(input.attempts);
  const countedIds = new Set(counted.values());
  const questionsOf = new Map(latest.map((id) => [id, new Set<string>()]));
  const countedAnswers: CountedAnswer[] = [];
  for (const answer of answers) {
    if (countedIds.has(answer.attemptId)) countedAnswers.push(answer);
    questionsOf.get(answer.attemptId)?.add(answer.questionId);
  }
  return { ...rest, countedAnswers, answeredQuestions: new Map([...questionsOf].map(([id, questions]) => [id, questions.size])) };
}

// Rows are grouped once up front: a class of 1,000 learners has 5,000 attempts, and scanning them per learner
// would be quadratic.
function learnerRows(input: Omit<ReportInput, 'answers'>, answeredQuestions: ReadonlyMap<string, number>): LearnerRow[] {
  const questionCount = input.quiz?.questions.length ?? 0;
  const attemptsByLearner = groupBy(chronological(input.attempts), (a) => a.learnerId);
  const lookupsByLearner = groupBy(input.lookups, (l) => l.learnerId);
  const statuses = new Map(input.statuses.map((s) => [`${s.learnerId}|${s.status}`, s.count]));
  return input.learners.map((learner) => {
    const attempts = attemptsByLearner.get(learner.id) ?? [];
    const finished = attempts.filter((a) => a.finishedAt !== null && a.score !== null);
    const lookups = lookupsByLearner.get(learner.id) ?? [];
    return {
      id: learner.id,
      name: learner.name,
      attempts: attempts.length,
      finishedAttempts: finished.length,
      lastScore: finished.at(-1)?.score ?? null,
      bestScore: finished.length ? Math.max(...finished.map((a) => a.score ?? 0)) : null,
      completion: quizCompletion(attempts, answeredQuestions, questionCount),
      readingSeconds: input.readingSeconds[learner.id] ?? 0,
      lookups: lookups.length,
      wordsLookedUp: new Set(lookups.map((l) => l.lemma)).size,
      learning: statuses.get(`${learner.id}|learning`) ?? 0,
      known: statuses.get(`${learner.id}|known`) ?? 0,
    };
  });
}

/** Typed answers below full marks, one entry per answer as grading always reads it (case, spacing, apostrophes aside). */
function countTypedMiss(misses: Map<string, Map<string, { optionId: string; text: string; count: number }>>, questionId: string, text: string): void {
  const key = normaliseAnswer(text, true);
  const byAnswer = misses.get(questionId) ?? new Map<string, { optionId: string; text: string; count: number }>();
  const entry = byAnswer.get(key);
  if (entry) entry.count += 1;
  else byAnswer.set(key, { optionId: key, text, count: 1 });
  misses.set(questionId, byAnswer);
}

/** The class report from the counted answers alone; the same report as one built from all of them. */
export function buildClassReportFrom(input: ClassReportInput, now: Date): ClassReport {
  const questions = input.quiz?.questions ?? [];
  // One response per learner and question: from each learner's first finished attempt.
  const { counted } = reportAttempts(input.attempts);
  const learnerOfAttempt = new Map([...counted].map(([learnerId, attemptId]) => [attemptId, learnerId]));
  const responses: Response[] = [];
  const totals = new Map<string, number>();
  const typedMisses = new Map<string, Map<string, { optionId: string; text: string; count: number }>>();
  const awaiting = new Map<string, number>();
  for (const answer of input.countedAnswers) {
    const learnerId = learnerOfAttempt.get(answer.attemptId);
    if (!learnerId) continue;
    if (answer.verdict === 'awaiting') {
      awaiting.set(answer.questionId, (awaiting.get(answer.questionId) ?? 0) + 1);
      continue;
    }
    responses.push({ learnerId, questionId: answer.questionId, score: answer.score, chosen: chosenOptions(answer.answer) });
    totals.set(learnerId, (totals.get(learnerId) ?? 0) + answer.score);
    const typed = answer.score < 1 ? typedText(answer.answer) : null;
    if (typed !== null) countTypedMiss(typedMisses, answer.questionId, typed);
  }

  const lookupsByLearnerParagraph = new Map<string, string[]>();
  for (const l of input.lookups) {
    const key = `${l.learnerId}|${l.paragraph}`;
    const list = lookupsByLearnerParagraph.get(key) ?? [];
    list.push(l.lemma);
    lookupsByLearnerParagraph.set(key, list);
  }

  const responsesByQuestion = groupBy(responses, (r) => r.questionId);
  const questionRows: QuestionRow[] = questions.map((question, i) => {
    const paragraph = question.evidence.paragraph;
    // What the learners who missed it looked up in the paragraph that answers it.
    const stats = itemStats(question.id, responsesByQuestion.get(question.id) ?? [], totals, correctOptions(question), (learnerId) => lookupsByLearnerParagraph.get(`${learnerId}|${paragraph - 1}`) ?? []);
    return {
      ...stats,
      number: i + 1,
      prompt: question.prompt,
      promptLang: question.promptLang,
      type: question.type,
      typed: isTyped(question),
      paragraph,
      // A typed question has no options: its wrong answers are what the learners typed.
      wrongChoices: typedMisses.has(question.id)
        ? [...(typedMisses.get(question.id)?.values() ?? [])].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'fr'))
        : stats.wrongChoices.map((w) => ({ ...w, text: optionText(optionsOf(question), w.optionId) })),
      awaiting: awaiting.get(question.id) ?? 0,
    };
  });

  const lookupsByParagraph = groupBy(input.lookups, (l) => String(l.paragraph));
  const paragraphs: ParagraphRow[] = input.lesson.paragraphOpenings.map((opening, p) => {
    const here = lookupsByParagraph.get(String(p)) ?? [];
    const questionIds = new Set(questions.filter((q) => q.evidence.paragraph === p + 1).map((q) => q.id));
    return {
      paragraph: p + 1,
      opening,
      lookups: here.length,
      learnersLookingUp: new Set(here.map((l) => l.learnerId)).size,
      misses: responses.filter((r) => questionIds.has(r.questionId) && r.score < 1).length,
    };
  });

  return {
    format: CLASS_REPORT_FORMAT,
    version: CLASS_REPORT_VERSION,
    generatedAt: now.toISOString(),
    lesson: { id: input.lesson.id, title: input.lesson.title, questionCount: questions.length, version: input.lesson.version, versions: [...input.lesson.versions] },
    countedAttempt: 'first finished',
    completionRule: COMPLETION_HELP,
    learners: learnerRows(input, input.answeredQuestions),
    questions: questionRows,
    paragraphs,
    regradings: regradingLines(input.regradings ?? [], input.quiz),
  };
}

/** One learner's report; `input` may hold only that learner's rows, or the whole class's. */
export function buildLearnerReport(input: ReportInput, learnerId: string, now: Date): LearnerReport | undefined {
  const learner = learnerRows(input, classReportInput(input).answeredQuestions).find((l) => l.id === learnerId);
  if (!learner) return undefined;
  const questions = new Map((input.quiz?.questions ?? []).map((q, i) => [q.id, { question: q, number: i + 1 }]));
  const answersByAttempt = groupBy(input.answers, (a) => a.attemptId);
  const attempts = input.attempts
    .filter((a) => a.learnerId === learnerId)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((attempt) => ({
      id: attempt.id,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      score: attempt.score,
      answers: (answersByAttempt.get(attempt.id) ?? [])
        .map((a) => {
          const known = questions.get(a.questionId);
          return {
            number: known?.number ?? 0,
            questionId: a.questionId,
            prompt: known?.question.prompt ?? a.questionId,
            given: describeAnswer(known?.question, a.answer),
            ...(a.firstTry === undefined ? {} : { firstTry: describeAnswer(known?.question, a.firstTry) }),
            ...(known?.question.type === 'true-false' ? { trueFalse: true as const } : {}),
            verdict: a.verdict,
            score: a.score,
            timeMs: a.timeMs,
            teacherComment: a.teacherComment ?? null,
          };
        })
        .sort((a, b) => a.number - b.number),
    }));
  const byLemma = new Map<string, { count: number; paragraphs: Set<number> }>();
  for (const l of input.lookups.filter((x) => x.learnerId === learnerId)) {
    const entry = byLemma.get(l.lemma) ?? { count: 0, paragraphs: new Set<number>() };
    entry.count += 1;
    entry.paragraphs.add(l.paragraph + 1);
    byLemma.set(l.lemma, entry);
  }
  return {
    format: 'liseuse-learner-report',
    version: 1,
    generatedAt: now.toISOString(),
    lesson: { id: input.lesson.id, title: input.lesson.title, version: input.lesson.version, versions: [...input.lesson.versions] },
    learner,
    attempts,
    lookups: [...byLemma]
      .map(([lemma, e]) => ({ lemma, count: e.count, paragraphs: [...e.paragraphs].sort((a, b) => a - b) }))
      .sort((a, b) => b.count - a.count || a.lemma.localeCompare(b.lemma, 'fr')),
    regradings: regradingLines(input.regradings ?? [], input.quiz).map((r) => ({ ...r, attempts: r.attempts.filter((a) => a.learnerId === learnerId) })),
  };
}
