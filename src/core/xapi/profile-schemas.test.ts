// The two readers of statements from outside, side by side: a class report read back from the LRS (read-back.ts)
// and a learner's statement file imported as results (statement-file.ts). Each case is one statement as Liseuse's
// builders write it, or that statement with one field changed, and what each reader makes of it: the LRS report
// uses it, reads it without using it, or leaves it out with the reason the teacher sees; the import takes the file
// or refuses it with the reason the teacher sees.
import { describe, expect, it } from 'vitest';
import { ARTICLE_ID, loadArticle, readArticleFile } from '../../../test/support/article';
import { rightAnswer } from '../../../test/support/answers';
import { grade } from '../grading';
import { loadQuiz } from '../quiz/load';
import type { Question } from '../quiz';
import { EXTENSIONS, VERBS } from './profile';
import { readBack } from './read-back';
import { parseImportedFile } from './statement-file';
import { answeredStatement, attemptStatements, lookedUpStatement, readStatement, statusStatement, voidedStatement } from './statements';
import type { Statement } from './types';

const article = loadArticle();
const quiz = loadQuiz(readArticleFile('quiz.json'), article);
const lesson = { id: ARTICLE_ID, title: 'Kim en Russie' };
const learner = { id: '0b7e1f5c-3d0e-4a57-9a83-7a1f2a64c001', name: 'Léa' };
const computer = '3f2a9c4e-1b7d-4c8e-9a0f-2d6b5e8c1a47';
const attemptId = '7c1f0000-0000-4000-8000-0000000000aa';
const id = (n: number): string => `7c1f0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (minute: number): string => new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();
const event = (n: number) => ({ id: id(n), at: at(n), learner, lesson, computer });
const question = (questionId: string): Question => quiz.questions.find((q) => q.id === questionId)!;
const quizFacts = { attemptId, kind: 'comprehension' as const, lessonVersion: 1 };
const word = { lemma: 'train', paragraph: 2, token: 40 };

const written = {
  answered: (): Statement => {
    const q = question('news-source');
    const answer = rightAnswer(q);
    const attempt = { seed: 7, startedAt: at(0), questions: quiz.questions.map((x) => x.id) };
    return answeredStatement({ ...event(1), ...quizFacts, attempt, question: q, answer, grade: grade(q, answer), timeMs: 4000 });
  },
  completed: (): Statement => attemptStatements({ ...event(2), ...quizFacts, score: 1, startedAt: at(0) }, id(3))[0],
  passed: (): Statement => attemptStatements({ ...event(2), ...quizFacts, score: 1, startedAt: at(0) }, id(3))[1],
  read: (): Statement => readStatement({ ...event(4), seconds: 30, secondsRead: 90, position: { paragraph: 2, token: 40 } }),
  lookup: (): Statement => lookedUpStatement({ ...event(5), ...word, sense: 'train' }),
  status: (): Statement => statusStatement({ ...event(6), ...word, status: 'known' }),
  voiding: (): Statement => voidedStatement({ id: id(7), at: at(7), voids: id(99) }),
};
type Kind = keyof typeof written;

/** A path into a statement, and the value put there (undefined: the field taken away). */
type Edit = [path: (string | number)[], value: unknown];

/** A statement as written, with the edits made to a copy of it. */
const changed = (kind: Kind, ...edits: Edit[]): Record<string, unknown> => {
  const s = structuredClone(written[kind]()) as unknown as Record<string, unknown>;
  for (const [path, value] of edits) {
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, s);
    const last = path.at(-1)!;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return s;
};

/** What the LRS report makes of the statements. */
function byTheLrsReport(statements: unknown[]): string {
  const back = readBack(statements, { id: ARTICLE_ID, version: 1, quiz, paragraphCount: article.paragraphs.length });
  if (back.skipped.length) return `left out: ${back.skipped.map((s) => s.reason).join(' | ')}`;
  return back.used > 0 ? 'used' : 'read, not used';
}

/** What the results import makes of the statements as a statement file (this computer has the article's quiz). */
function byTheImport(statements: unknown[]): string {
  try {
    parseImportedFile(JSON.stringify(statements), (lessonId, version) => (lessonId === ARTICLE_ID && version === 1 ? quiz.questions : undefined));
    return 'imported';
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ResultFileError') throw error;
    return `refused: ${error.message.replace('it is a statement file that cannot be imported: ', '')}`;
  }
}

/**
 * Both readers on one statement. A voiding or passed statement goes with a statement of the learner: a file of
 * them alone holds no learner, and neither reader uses them for anything else.
 */
const judged = (statement: Record<string, unknown>): { lrs: string; file: string } => {
  const verb = (statement.verb as { id?: unknown } | undefined)?.id;
  const statements = verb === VERBS.voided.id || verb === VERBS.passed.id ? [statement, written.read()] : [statement];
  return { lrs: byTheLrsReport(statements), file: byTheImport(statements) };
};

describe('the LRS report and the statement import judge statements', () => {
  it('take every statement as Liseuse writes it', () => {
    for (const kind of Object.keys(written) as Kind[]) {
      expect(judged(changed(kind)), kind).toEqual({ lrs: 'used', file: 'imported' });
    }
  });

  it('both refuse a statement whose id, account or time is not what Liseuse writes, each with its reason', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['id not an id', changed('read', [['id'], 'not-a-uuid'])],
      ['another account', changed('lookup', [['actor', 'account', 'homePage'], 'https://elsewhere.example'])],
      ['time not a time', changed('status', [['timestamp'], 'yesterday'])],
      ['registration not an id', changed('answered', [['context', 'registration'], 'attempt-1'])],
      ['unknown quiz kind', changed('answered', [['context', 'extensions', EXTENSIONS.quizKind], 'exam'])],
      ['duration not a duration', changed('read', [['result', 'duration'], '30 seconds'])],
      ['unknown status', changed('status', [['result', 'extensions', EXTENSIONS.status], 'forgotten'])],
      ['voiding no statement id', changed('voiding', [['object', 'id'], 'x'])],
      ['unknown verb', changed('read', [['verb', 'id'], 'http://example.com/verbs/hacked'])],
      // A verb named like a property every object has is no verb of Liseuse's (the import threw a TypeError).
      ['verb "constructor"', changed('read', [['verb', 'id'], 'constructor'])],
    ];
    const outcomes = Object.fromEntries(cases.map(([name, statement]) => [name, judged(statement)]));
    expect(outcomes).toEqual({
      'id not an id': { lrs: 'left out: id: must be an id', file: 'refused: statement 1 (experienced) is not valid at id: must be an id' },
      'another account': { lrs: 'left out: actor.account.homePage: is not a Liseuse account', file: 'refused: statement 1 (interacted) is not valid at actor.account.homePage: is not a Liseuse account' },
      'time not a time': { lrs: 'left out: timestamp: is not a date', file: 'refused: statement 1 (marked) is not valid at timestamp: is not a date' },
      'registration not an id': { lrs: 'left out: context.registration: must be an id', file: 'refused: statement 1 (answered) is not valid at context.registration: must be an id' },
      'unknown quiz kind': { lrs: 'left out: context.extensions.https://liseuse.app/xapi/extensions/quiz-kind: Invalid type: Expected ("comprehension" | "vocabulary") but received "exam"', file: 'refused: statement 1 (answered) is not valid at context.extensions.https://liseuse.app/xapi/extensions/quiz-kind: Invalid type: Expected ("comprehension" | "vocabulary") but received "exam"' },
      'duration not a duration': { lrs: 'left out: result.duration: is not a duration Liseuse writes', file: 'refused: statement 1 (experienced) is not valid at result.duration: is not a duration Liseuse writes' },
      'unknown status': { lrs: 'left out: result.extensions.https://liseuse.app/xapi/extensions/status: Invalid type: Expected ("new" | "learning" | "known") but received "forgotten"', file: 'refused: statement 1 (marked) is not valid at result.extensions.https://liseuse.app/xapi/extensions/status: Invalid type: Expected ("new" | "learning" | "known") but received "forgotten"' },
      'voiding no statement id': { lrs: 'left out: object.id: must be an id', file: 'refused: statement 1 (voided) is not valid at object.id: must be an id' },
      'unknown verb': { lrs: 'left out: its verb "http://example.com/verbs/hacked" is not one Liseuse sends', file: 'refused: statement 1 has the verb "http://example.com/verbs/hacked", which Liseuse does not record' },
      'verb "constructor"': { lrs: 'left out: its verb "constructor" is not one Liseuse sends', file: 'refused: statement 1 has the verb "constructor", which Liseuse does not record' },
    });
  });

  it('judge alike the fields where their two schema sets differed', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['actor a Group', changed('answered', [['actor', 'objectType'], 'Group'])],
      ['object a StatementRef', changed('answered', [['object', 'objectType'], 'StatementRef'])],
      ['computer not an id (quiz)', changed('answered', [['context', 'extensions', EXTENSIONS.computer], 'computer-a'])],
      ['computer not an id (read)', changed('read', [['context', 'extensions', EXTENSIONS.computer], 'computer-a'])],
      ['computer not an id (look-up)', changed('lookup', [['context', 'extensions', EXTENSIONS.computer], 42])],
      ['answer without parent', changed('answered', [['context', 'contextActivities', 'parent'], undefined])],
      ['look-up without parent', changed('lookup', [['context', 'contextActivities', 'parent'], undefined])],
      ['parent not an activity', changed('lookup', [['context', 'contextActivities', 'parent', 0, 'objectType'], 'Agent'])],
      ['parent title of 300 characters', changed('status', [['context', 'contextActivities', 'parent', 0, 'definition', 'name', 'fr'], 'T'.repeat(300)])],
      ['read with a parent that is no list', changed('read', [['context', 'contextActivities', 'parent'], 'lesson'])],
      ['response of 3000 characters', changed('answered', [['result', 'response'], 'r'.repeat(3000)])],
      ['success not a boolean', changed('answered', [['result', 'success'], 'yes'])],
      ['result extension key of 1001 characters', changed('answered', [['result', 'extensions', `https://x.example/${'k'.repeat(983)}`], 1])],
      ['attempt whose questions are no list', changed('answered', [['context', 'extensions', EXTENSIONS.attempt, 'questions'], 'all'])],
      ['completed score over 1', changed('completed', [['result', 'score', 'scaled'], 2])],
      ['completed duration not a duration', changed('completed', [['result', 'duration'], 'long'])],
      ['seconds read not a number', changed('read', [['result', 'extensions', EXTENSIONS.secondsRead], 'beaucoup'])],
      ['look-up without token', changed('lookup', [['result', 'extensions', EXTENSIONS.token], undefined])],
      ['status token negative', changed('status', [['result', 'extensions', EXTENSIONS.token], -1])],
      ['look-up paragraph 200000', changed('lookup', [['result', 'extensions', EXTENSIONS.paragraph], 200_000])],
      [
        'look-up lemma of 150 characters',
        changed('lookup', [['result', 'extensions', EXTENSIONS.lemma], 'l'.repeat(150)], [['object', 'id'], `https://liseuse.app/xapi/words/${'l'.repeat(150)}`]),
      ],
    ];
    const outcomes = Object.fromEntries(cases.map(([name, statement]) => [name, judged(statement)]));
    expect(outcomes).toEqual({
      'actor a Group': { lrs: 'left out: actor.objectType: Invalid type: Expected "Agent" but received "Group"', file: 'refused: statement 1 (answered) is not valid at actor.objectType: Invalid type: Expected "Agent" but received "Group"' },
      'object a StatementRef': { lrs: 'left out: object.objectType: Invalid type: Expected "Activity" but received "StatementRef"', file: 'refused: statement 1 (answered) is not valid at object.objectType: Invalid type: Expected "Activity" but received "StatementRef"' },
      'computer not an id (quiz)': { lrs: 'left out: context.extensions.https://liseuse.app/xapi/extensions/computer: must be an id', file: 'refused: statement 1 (answered) is not valid at context.extensions.https://liseuse.app/xapi/extensions/computer: must be an id' },
      'computer not an id (read)': { lrs: 'left out: context.extensions.https://liseuse.app/xapi/extensions/computer: must be an id', file: 'refused: statement 1 (experienced) is not valid at context.extensions.https://liseuse.app/xapi/extensions/computer: must be an id' },
      'computer not an id (look-up)': { lrs: 'left out: context.extensions.https://liseuse.app/xapi/extensions/computer: Invalid type: Expected string but received 42', file: 'refused: statement 1 (interacted) is not valid at context.extensions.https://liseuse.app/xapi/extensions/computer: Invalid type: Expected string but received 42' },
      'answer without parent': { lrs: 'left out: context.contextActivities.parent: Invalid key: Expected "parent" but received undefined', file: 'refused: statement 1 (answered) is not valid at context.contextActivities.parent: Invalid key: Expected "parent" but received undefined' },
      'look-up without parent': { lrs: 'left out: context.contextActivities.parent: Invalid key: Expected "parent" but received undefined', file: 'refused: statement 1 (interacted) is not valid at context.contextActivities.parent: Invalid key: Expected "parent" but received undefined' },
      'parent not an activity': { lrs: 'left out: context.contextActivities.parent.0.objectType: Invalid type: Expected "Activity" but received "Agent"', file: 'refused: statement 1 (interacted) is not valid at context.contextActivities.parent.0.objectType: Invalid type: Expected "Activity" but received "Agent"' },
      'parent title of 300 characters': { lrs: 'left out: context.contextActivities.parent.0.definition.name.fr: Invalid length: Expected <=200 but received 300', file: 'refused: statement 1 (marked) is not valid at context.contextActivities.parent.0.definition.name.fr: Invalid length: Expected <=200 but received 300' },
      'read with a parent that is no list': { lrs: 'used', file: 'imported' },
      'response of 3000 characters': { lrs: 'left out: result.response: Invalid length: Expected <=2000 but received 3000', file: 'refused: statement 1 (answered) is not valid at result.response: Invalid length: Expected <=2000 but received 3000' },
      'success not a boolean': { lrs: 'left out: result.success: Invalid type: Expected boolean but received "yes"', file: 'refused: statement 1 (answered) is not valid at result.success: Invalid type: Expected boolean but received "yes"' },
      'result extension key of 1001 characters': { lrs: 'left out: result.extensions.https://x.example/kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: Invalid length: Expected <=1000 but received 1001', file: 'refused: statement 1 (answered) is not valid at result.extensions.https://x.example/kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: Invalid length: Expected <=1000 but received 1001' },
      'attempt whose questions are no list': { lrs: 'left out: context.extensions.https://liseuse.app/xapi/extensions/attempt.questions: Invalid type: Expected Array but received "all"', file: 'refused: statement 1 (answered) is not valid at context.extensions.https://liseuse.app/xapi/extensions/attempt.questions: Invalid type: Expected Array but received "all"' },
      'completed score over 1': { lrs: 'left out: result.score.scaled: Invalid value: Expected <=1 but received 2', file: 'refused: statement 1 (completed) is not valid at result.score.scaled: Invalid value: Expected <=1 but received 2' },
      'completed duration not a duration': { lrs: 'left out: result.duration: is not a duration Liseuse writes', file: 'refused: statement 1 (completed) is not valid at result.duration: is not a duration Liseuse writes' },
      'seconds read not a number': { lrs: 'left out: result.extensions.https://liseuse.app/xapi/extensions/seconds-read: Invalid type: Expected number but received "beaucoup"', file: 'refused: statement 1 (experienced) is not valid at result.extensions.https://liseuse.app/xapi/extensions/seconds-read: Invalid type: Expected number but received "beaucoup"' },
      'look-up without token': { lrs: 'left out: result.extensions.https://liseuse.app/xapi/extensions/token: Invalid key: Expected "https://liseuse.app/xapi/extensions/token" but received undefined', file: 'refused: statement 1 (interacted) is not valid at result.extensions.https://liseuse.app/xapi/extensions/token: Invalid key: Expected "https://liseuse.app/xapi/extensions/token" but received undefined' },
      'status token negative': { lrs: 'left out: result.extensions.https://liseuse.app/xapi/extensions/token: Invalid value: Expected >=0 but received -1', file: 'refused: statement 1 (marked) is not valid at result.extensions.https://liseuse.app/xapi/extensions/token: Invalid value: Expected >=0 but received -1' },
      'look-up paragraph 200000': { lrs: 'left out: result.extensions.https://liseuse.app/xapi/extensions/paragraph: Invalid value: Expected <=100000 but received 200000', file: 'refused: statement 1 (interacted) is not valid at result.extensions.https://liseuse.app/xapi/extensions/paragraph: Invalid value: Expected <=100000 but received 200000' },
      'look-up lemma of 150 characters': { lrs: 'left out: result.extensions.https://liseuse.app/xapi/extensions/lemma: Invalid length: Expected <=100 but received 150', file: 'refused: statement 1 (interacted) is not valid at result.extensions.https://liseuse.app/xapi/extensions/lemma: Invalid length: Expected <=100 but received 150' },
    });
  });
});
