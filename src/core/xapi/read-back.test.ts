// Statements read back from an LRS become the report's rows: recomputed scores, regrades and voids, versions, and
// statements that do not fit the profile left out with a reason while the rest is read.
import { describe, expect, it } from 'vitest';
import { ARTICLE_ID, loadArticle, readArticleFile } from '../../../test/support/article';
import { buildClassReport } from '../../../test/support/reports';
import { rightAnswer, wrongAnswer } from '../../../test/support/answers';
import { grade, type Answer } from '../grading';
import { loadQuiz } from '../quiz/load';
import type { Question } from '../quiz';
import { paragraphOpenings } from '../excerpt';
import type { ReportInput } from '../reports/class-report';
import { attemptScore } from '../attempt-score';
import { readBack, type ReadBackLesson } from './read-back';
import { answeredStatement, attemptStatements, lookedUpStatement, readStatement, statusStatement, voidedStatement } from './statements';
import type { Statement } from './types';

const article = loadArticle();
const quiz = loadQuiz(readArticleFile('quiz.json'), article);
const lesson = { id: ARTICLE_ID, title: 'Kim en Russie' };
const target: ReadBackLesson = { id: ARTICLE_ID, version: 1, quiz, paragraphCount: article.paragraphs.length };
const camille = { id: '0b7e1f5c-3d0e-4a57-9a83-7a1f2a64c001' };
const malik = { id: '0b7e1f5c-3d0e-4a57-9a83-7a1f2a64c002', name: 'Malik' };
const ATTEMPT_C = '7c1f0000-0000-4000-8000-0000000000aa';
const ATTEMPT_M = '7c1f0000-0000-4000-8000-0000000000bb';
/** Two copies of Liseuse: the computer extension is the installation's random id. */
const COMPUTER_A = '3f2a9c4e-1b7d-4c8e-9a0f-2d6b5e8c1a47';
const COMPUTER_B = '3f2a9c4e-1b7d-4c8e-9a0f-2d6b5e8c1a48';
let serial = 0;
const uuid = (): string => `7c1f0000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
const at = (minute: number): string => new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();
const question = (id: string): Question => quiz.questions.find((q) => q.id === id)!;

const answered = (learner: typeof camille, attemptId: string, q: Question, answer: Answer, minute: number, extra: { lessonVersion?: number; claimed?: number; replaces?: string; teacherComment?: string } = {}): Statement => {
  const graded = grade(q, answer);
  const claimed = extra.claimed === undefined ? graded : { score: extra.claimed, verdict: extra.claimed === 1 ? ('correct' as const) : ('wrong' as const) };
  return answeredStatement({ id: uuid(), at: at(minute), learner, lesson, computer: COMPUTER_A, attemptId, kind: 'comprehension', question: q, answer, grade: claimed, timeMs: 4250, ...extra });
};

describe('readBack', () => {
  it('gives the rows of a whole attempt: answers regraded from the response, the attempt finished by `completed`', () => {
    const wrong: Answer = { type: 'single', choice: 'there-are' };
    const statements = quiz.questions.map((q, i) => answered(camille, ATTEMPT_C, q, q.id === 'il-y-a-ago' ? wrong : rightAnswer(q), i, q.id === 'il-y-a-ago' ? { claimed: 1 } : {}));
    statements.push(...attemptStatements({ id: uuid(), at: at(30), learner: camille, lesson, attemptId: ATTEMPT_C, kind: 'comprehension', score: 1, startedAt: at(0), lessonVersion: 1 }, uuid()));
    const back = readBack(statements, target);
    expect(back.skipped).toEqual([]);
    expect(back.rows.attempts).toEqual([{ id: ATTEMPT_C, learnerId: camille.id, startedAt: at(0), finishedAt: at(30), score: expect.any(Number) }]);
    const answers = new Map(back.rows.answers.map((a) => [a.questionId, a]));
    expect(answers.size).toBe(quiz.questions.length);
    // The statement claimed full marks for a wrong choice: the report counts what the answer is worth.
    expect(answers.get('il-y-a-ago')).toMatchObject({ answer: JSON.stringify(wrong), score: 0, verdict: 'wrong', timeMs: 4250 });
    expect(answers.get('summary-summit')).toMatchObject({ verdict: 'awaiting', score: 0 });
    const scored = quiz.questions.length - 2; // the two open questions await the teacher
    expect(back.rows.attempts[0]!.score).toBeCloseTo((scored - 1) / scored, 12);
    expect(back.rows.learners).toEqual([{ id: camille.id, name: camille.id }]);
    expect(back.computerCount).toBe(1);
  });

  it('lets a regrade supersede the answer it names, and leaves voided statements out', () => {
    const open = question('summary-summit');
    const original = answered(camille, ATTEMPT_C, open, rightAnswer(open), 1);
    const regrade = answered(camille, ATTEMPT_C, open, rightAnswer(open), 5, { claimed: 0.75, replaces: original.id, teacherComment: 'Bien vu.' });
    const single = question('il-y-a-ago');
    const voidedOne = answered(camille, ATTEMPT_C, single, rightAnswer(single), 2);
    const voiding = voidedStatement({ id: uuid(), at: at(6), voids: voidedOne.id });
    const back = readBack([original, regrade, voidedOne, voiding], target);
    expect(back.skipped).toEqual([]);
    expect(back.rows.answers).toEqual([expect.objectContaining({ questionId: 'summary-summit', score: 0.75, verdict: 'partial', teacherComment: 'Bien vu.' })]);
  });

  it('refuses a teacher grade off the 25 % scale', () => {
    const open = question('deal-opinion');
    const original = answered(camille, ATTEMPT_C, open, rightAnswer(open), 1);
    const regrade = answered(camille, ATTEMPT_C, open, rightAnswer(open), 2, { claimed: 0.6, replaces: original.id });
    const back = readBack([original, regrade], target);
    expect(back.skipped).toEqual([{ statementId: regrade.id, reason: "the teacher's grade 0.6 is not one of Liseuse's steps" }]);
    // The superseded original is not brought back by a refused regrade: the answer is simply not reported.
    expect(back.rows.answers).toEqual([]);
  });

  it('reads only the version asked for, a statement without a version being of version 1', () => {
    const q = question('longest-trip');
    const v1 = answered(camille, ATTEMPT_C, q, rightAnswer(q), 1);
    const v2 = answered(malik, ATTEMPT_M, q, rightAnswer(q), 2, { lessonVersion: 2 });
    expect(readBack([v1, v2], target).rows.answers.map((a) => a.attemptId)).toEqual([ATTEMPT_C]);
    expect(readBack([v1, v2], { ...target, version: 2 }).rows.answers.map((a) => a.attemptId)).toEqual([ATTEMPT_M]);
    expect(readBack([v1, v2], target).versions).toEqual([1, 2]);
  });

  it('reads look-ups (0-based paragraphs), reading time summed over computers, and the last status of each word', () => {
    const word = { lemma: 'Blindé', paragraph: 2, token: 40 };
    const statements = [
      lookedUpStatement({ id: uuid(), at: at(1), learner: malik, lesson, ...word, sense: 'armoured' }),
      lookedUpStatement({ id: uuid(), at: at(2), learner: malik, lesson, ...word, sense: 'armoured' }),
      readStatement({ id: uuid(), at: at(3), learner: malik, lesson, seconds: 90, secondsRead: 90, position: null, computer: COMPUTER_A }),
      readStatement({ id: uuid(), at: at(4), learner: malik, lesson, seconds: 30, secondsRead: 30, position: null, computer: COMPUTER_B }),
      statusStatement({ id: uuid(), at: at(5), learner: malik, lesson, ...word, status: 'learning' }),
      statusStatement({ id: uuid(), at: at(6), learner: malik, lesson, ...word, lemma: 'blindé', status: 'known' }),
    ];
    const back = readBack(statements, target);
    expect(back.skipped).toEqual([]);
    expect(back.rows.lookups).toEqual([
      { learnerId: malik.id, lemma: 'blindé', paragraph: 2 },
      { learnerId: malik.id, lemma: 'blindé', paragraph: 2 },
    ]);
    expect(back.rows.readingSeconds).toEqual({ [malik.id]: 120 });
    expect(back.rows.statuses).toEqual([{ learnerId: malik.id, status: 'known', count: 1 }]);
    expect(back.rows.learners).toEqual([{ id: malik.id, name: 'Malik' }]);
    expect(back.computerCount).toBe(2);
  });

  it('leaves out statements that do not fit the profile, each with a reason, and reads the rest', () => {
    const q = question('news-source');
    const good = answered(camille, ATTEMPT_C, q, rightAnswer(q), 1);
    const clone = (patch: (s: Record<string, unknown>) => void): Record<string, unknown> => {
      const s = structuredClone(good) as unknown as Record<string, unknown>;
      s.id = uuid();
      patch(s);
      return s;
    };
    const hostile: unknown[] = [
      null,
      42,
      'statement',
      { verb: { id: '__proto__' } },
      clone((s) => ((s.actor as { account: { homePage: string } }).account.homePage = 'https://elsewhere.example')),
      clone((s) => ((s.context as { registration: string }).registration = 'not-a-uuid')),
      clone((s) => ((s.result as { response: string }).response = 'no-such-option')),
      clone((s) => ((s.object as { id: string }).id = `${(s.object as { id: string }).id.replace('news-source', 'invented')}`)),
      clone((s) => ((s.result as { response: string }).response = 'x'.repeat(5000))),
      clone((s) => ((s.context as { registration: string }).registration = ATTEMPT_M)),
      lookedUpStatement({ id: uuid(), at: at(2), learner: malik, lesson, lemma: 'train', paragraph: 9999, token: 1, sense: 'x' }),
      readStatement({ id: uuid(), at: at(3), learner: { id: '__proto__' }, lesson, seconds: 5, secondsRead: 5, position: null }),
    ];
    // The one that moves Camille's answer into another learner's attempt: refused as that attempt's owner differs.
    const stolen = answered(malik, ATTEMPT_C, question('longest-trip'), rightAnswer(question('longest-trip')), 3);
    const back = readBack([good, ...hostile, stolen], target);
    // Camille's good answer, and the copy moved to an attempt of her own that she never started elsewhere.
    expect(back.rows.answers.map((a) => [a.attemptId, a.questionId])).toEqual([
      [ATTEMPT_C, 'news-source'],
      [ATTEMPT_M, 'news-source'],
    ]);
    expect(back.skipped.map((s) => s.reason)).toEqual([
      'its verb is not one Liseuse sends',
      'its verb is not one Liseuse sends',
      'its verb is not one Liseuse sends',
      'its verb "__proto__" is not one Liseuse sends',
      'actor.account.homePage: is not a Liseuse account',
      'context.registration: must be an id',
      'result.response: Invalid length: Expected <=2000 but received 5000',
      `paragraph 10000 is not in the lesson (${article.paragraphs.length} paragraphs)`,
      'its response does not fit question "news-source": unknown option "no-such-option"',
      'question "invented" is not in version 1 of the lesson\'s quiz',
      `attempt ${ATTEMPT_C} belongs to another learner`,
    ]);
    expect(back.skipped.at(-1)?.statementId).toBe(stolen.id);
    // A learner id like "__proto__" is an own key of the reading times, not a prototype.
    expect(Object.getPrototypeOf(back.rows.readingSeconds)).toBe(Object.prototype);
    expect(back.rows.readingSeconds.__proto__).toBe(5);
  });

  it('makes the same class report as local rows holding the same answers', () => {
    const statements: Statement[] = [];
    const local: Pick<ReportInput, 'learners' | 'attempts' | 'answers'> = { learners: [], attempts: [], answers: [] };
    for (const [learner, attemptId, offset] of [[camille, ATTEMPT_C, 0], [malik, ATTEMPT_M, 1]] as const) {
      local.learners.push({ id: learner.id, name: 'name' in learner ? learner.name : learner.id });
      quiz.questions.forEach((q, i) => {
        // Every other question wrong for Malik: a first choice, an empty match, a reversed order, a typo.
        const answer = offset && i % 2 ? wrongAnswer(q) : rightAnswer(q);
        statements.push(answered(learner, attemptId, q, answer, i + offset));
        const g = q.type === 'open' ? { score: 0, verdict: 'awaiting' as const } : grade(q, answer);
        local.answers.push({ attemptId, questionId: q.id, answer: JSON.stringify(answer), score: g.score, verdict: g.verdict, timeMs: 4250, answeredAt: at(i + offset), teacherComment: null });
      });
      statements.push(...attemptStatements({ id: uuid(), at: at(40 + offset), learner, lesson, attemptId, kind: 'comprehension', score: 0.5, startedAt: at(offset) }, uuid()));
      const mine = local.answers.filter((a) => a.attemptId === attemptId);
      local.attempts.push({ id: attemptId, learnerId: learner.id, startedAt: at(offset), finishedAt: at(40 + offset), score: attemptScore(mine, quiz.questions.length).score });
    }
    const back = readBack(statements, target);
    expect(back.skipped).toEqual([]);
    const lessonPart = { id: ARTICLE_ID, title: lesson.title, paragraphOpenings: paragraphOpenings(article), version: 1, versions: [1] };
    const now = new Date(at(50));
    const fromLrs = buildClassReport({ lesson: lessonPart, quiz, ...back.rows }, now);
    const fromLocal = buildClassReport({ lesson: lessonPart, quiz, ...local, lookups: [], readingSeconds: {}, statuses: [], regradings: [] }, now);
    expect(fromLrs.questions).toEqual(fromLocal.questions);
    expect(fromLrs.paragraphs).toEqual(fromLocal.paragraphs);
    expect(fromLrs.learners).toEqual(fromLocal.learners.sort((a, b) => a.name.localeCompare(b.name, 'fr')));
    expect(fromLrs.questions.some((q) => q.shareCorrect !== 1)).toBe(true);
  });
});
