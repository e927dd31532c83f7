// The class report reads only the answers it uses (each learner's counted and latest attempts), and a learner's
// report only that learner's rows. On a seeded SQLite file full of awkward cases, each must give exactly the report
// built the plain way from every row.
import { paragraphOpenings } from '../../core/excerpt';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/random';
import type { Question } from '../../core/quiz';
import { buildLearnerReport, type ClassReport, type LearnerReport, type ReportInput } from '../../core/reports/class-report';
import { buildClassReport } from '../../../test/support/reports';
import { createBackend, type Backend } from '../backend';
import { LearnerDatabase } from '../db/learner-database';
import { LearnersRepository } from '../db/repositories/learners';
import { ReportsRepository, type ReportRows } from '../db/repositories/reports';
import { ResultsRepository } from '../db/repositories/results';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { LessonStore } from '../lesson-store';
import { downloadInstead, ReportService } from './reports';

const LESSON = 'kim-russie';
const LESSONS = resolve('resources/lessons');
const NOW = new Date('2025-03-01T12:00:00.000Z');
const LEARNERS = 60;
// Scores whose sums depend on the order they are added in, so a different answer order would show.
const SCORES = [0, 0.1, 0.2, 1 / 3, 0.5, 2 / 3, 0.7, 1];

const uuid = (group: string, n: number): string => `00000000-0000-4000-${group}-${n.toString(16).padStart(12, '0')}`;

/** A stored answer for the question, of its own shape, or now and then a damaged or mismatched one. */
function storedAnswer(question: Question, random: () => number): string {
  const roll = random();
  if (roll < 0.03) return '{"type":"single","choi'; // damaged
  if (roll < 0.06) return JSON.stringify({ type: 'single', choice: 'not-an-option' }); // of another shape
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  switch (question.type) {
    case 'single':
      return JSON.stringify({ type: 'single', choice: pick(question.options).id });
    case 'multiple':
      return JSON.stringify({ type: 'multiple', choices: question.options.filter(() => random() < 0.5).map((o) => o.id) });
    case 'true-false':
      return JSON.stringify({ type: 'true-false', value: random() < 0.5 });
    case 'cloze':
      return question.mode === 'choice'
        ? JSON.stringify({ type: 'cloze', mode: 'choice', choice: pick(question.options).id })
        : JSON.stringify({ type: 'cloze', mode: 'typed', text: 'blindé' });
    default:
      return JSON.stringify({ type: 'short-answer', text: 'sept jours' });
  }
}

describe('the class report read from the counted answers only', () => {
  let dir: string;
  let backend: Backend;
  let teacherToken: string;

  beforeAll(async () => {
    dir = makeTempDir();
    backend = createBackend({ dataDir: dir, lessonsDir: LESSONS, mode: 'browser', version: 'test', now: () => NOW });
    const set = await backend.call('teacher:setPin', { pin: '482916' });
    if (!set.ok) throw new Error(set.error.message);
    teacherToken = (set.value as { teacherToken: string }).teacherToken;

    const questions = new LessonStore(LESSONS).quiz(LESSON).questions;
    const random = mulberry32(42);
    const { db } = backend;
    const learner = db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)');
    const attempt = db.prepare(
      `INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at, finished_at, score)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    const answer = db.prepare(
      `INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, 1000, ?)`,
    );
    const lookup = db.prepare('INSERT INTO lookups (id, learner_id, lesson_id, token, paragraph, lemma, looked_up_at) VALUES (?, ?, ?, 0, ?, ?, ?)');
    const status = db.prepare('INSERT INTO word_status (learner_id, lemma, status, updated_at) VALUES (?, ?, ?, ?)');
    const reading = db.prepare('INSERT INTO reading_progress (learner_id, lesson_id, seconds_read, updated_at) VALUES (?, ?, ?, ?)');
    const ids = JSON.stringify(questions.map((q) => q.id));
    let attempts = 0;
    let answers = 0;
    db.transaction(() => {
      for (let l = 0; l < LEARNERS; l++) {
        const learnerId = uuid('a000', l);
        learner.run(learnerId, `Élève ${l}`, `élève ${String(l).padStart(3, '0')}`, NOW.toISOString());
        for (let k = 0; k < 5; k++) lookup.run(uuid('d000', l * 10 + k), learnerId, LESSON, Math.floor(random() * 6), `lemme-${Math.floor(random() * 8)}`, NOW.toISOString());
        for (let k = 0; k < l % 4; k++) status.run(learnerId, `mot-${k}`, k % 2 ? 'known' : 'learning', NOW.toISOString());
        reading.run(learnerId, LESSON, 60 * (l % 9), NOW.toISOString());
        reading.run(learnerId, 'another-lesson', 45, NOW.toISOString());
        // Every seventh learner never takes the quiz; the others take one to five attempts.
        const count = l % 7 === 6 ? 0 : 1 + Math.floor(random() * 5);
        // Inserted in a shuffled order, so insertion order (rowid) and start order disagree.
        const order = Array.from({ length: count }, (_, i) => i).sort(() => random() - 0.5);
        for (const k of order) {
          const attemptId = uuid('b000', attempts++);
          // Every fifth learner starts two attempts in the same millisecond: the tie keeps insertion order.
          const minute = l % 5 === 0 && k === 1 ? 0 : k;
          const startedAt = new Date(Date.UTC(2025, 0, 10 + l % 20, 9, minute)).toISOString();
          // Some attempts are left unfinished, some of them part-answered; a finished one may have no score.
          const unfinished = random() < 0.3;
          const answered = unfinished ? Math.floor(random() * questions.length) : questions.length;
          const rows: [string, string, number][] = questions.slice(0, answered).map((question) => [question.id, storedAnswer(question, random), SCORES[Math.floor(random() * SCORES.length)] as number]);
          // A stray answer to a question the quiz no longer has counts toward the totals only.
          if (random() < 0.1) rows.push(['removed-question', '{"type":"short-answer","text":"x"}', 1]);
          const score = unfinished || random() < 0.05 ? null : rows.reduce((sum, [, , s]) => sum + s, 0) / questions.length;
          attempt.run(attemptId, learnerId, LESSON, 'comprehension', ids, startedAt, unfinished ? null : startedAt.replace('T09', 'T10'), score);
          for (const [questionId, body, s] of rows) {
            answer.run(uuid('c000', answers++), attemptId, questionId, body, s, s === 1 ? 'correct' : s === 0 ? 'wrong' : 'partial', startedAt);
          }
        }
        // Attempts the class report must leave out: vocabulary practice, and another lesson's quiz.
        if (count > 0) {
          attempt.run(uuid('b000', attempts++), learnerId, LESSON, 'vocabulary', '[]', '2025-02-01T00:00:00.000Z', '2025-02-01T00:01:00.000Z', 1);
          attempt.run(uuid('b000', attempts++), learnerId, 'another-lesson', 'comprehension', ids, '2025-02-02T00:00:00.000Z', '2025-02-02T00:01:00.000Z', 0.5);
          answer.run(uuid('c000', answers++), uuid('b000', attempts - 1), 'trip-length', '{"type":"short-answer","text":"x"}', 0, 'wrong', NOW.toISOString());
        }
      }
    })();
  });

  afterAll(() => {
    backend.close();
    removeTempDir(dir);
  });

  it('is the report built from every answer, to the last digit', async () => {
    const result = await backend.call('reports:class', { teacherToken, lessonId: LESSON });
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value as ClassReport;

    const lessons = new LessonStore(LESSONS);
    const lesson = lessons.get(LESSON);
    const plain = buildClassReport(
      {
        lesson: { id: LESSON, title: lesson.manifest.title, paragraphOpenings: paragraphOpenings(lesson), version: 1, versions: [1] },
        quiz: lessons.quiz(LESSON),
        ...new ReportsRepository(new LearnerDatabase(backend.db)).rows(LESSON, 1),
      },
      NOW,
    );
    expect(report).toEqual(plain);

    // The seeded class exercises what the report computes: otherwise agreeing would prove little.
    expect(report.learners).toHaveLength(LEARNERS);
    expect(new Set(report.learners.map((l) => l.completion)).size).toBeGreaterThan(3);
    expect(report.learners.some((l) => l.finishedAttempts > 0 && l.attempts > l.finishedAttempts)).toBe(true);
    expect(report.questions.every((q) => q.answered > 10 && q.discrimination !== null)).toBe(true);
    expect(report.questions.some((q) => q.wrongChoices.length > 0)).toBe(true);
    expect(report.questions.some((q) => q.lookedUpByMissers.length > 0)).toBe(true);
  });

  it("gives each learner the report built from the whole class's rows", async () => {
    const lessons = new LessonStore(LESSONS);
    const lesson = lessons.get(LESSON);
    const everyRow: ReportInput = {
      lesson: { id: LESSON, title: lesson.manifest.title, paragraphOpenings: paragraphOpenings(lesson), version: 1, versions: [1] },
      quiz: lessons.quiz(LESSON),
      ...new ReportsRepository(new LearnerDatabase(backend.db)).rows(LESSON, 1),
    };
    expect(everyRow.learners).toHaveLength(LEARNERS);
    for (const { id } of everyRow.learners) {
      const result = await backend.call('reports:learner', { teacherToken, lessonId: LESSON, learnerId: id });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value as LearnerReport).toEqual(buildLearnerReport(everyRow, id, NOW));
    }
  });

  it("reads only that learner's rows", () => {
    const read: { rows: ReportRows[]; answers: ReportInput['answers'][] } = { rows: [], answers: [] };
    class ObservedReports extends ReportsRepository {
      override withoutAnswers(lessonId: string, version: number, learnerId?: string): ReportRows {
        const rows = super.withoutAnswers(lessonId, version, learnerId);
        read.rows.push(rows);
        return rows;
      }
      override answers(lessonId: string, version: number, learnerId?: string): ReportInput['answers'] {
        const answers = super.answers(lessonId, version, learnerId);
        read.answers.push(answers);
        return answers;
      }
    }
    const db = new LearnerDatabase(backend.db);
    const service = new ReportService(new ObservedReports(db), new ResultsRepository(db), new LearnersRepository(db), new LessonStore(LESSONS), downloadInstead, () => NOW);
    const learnerId = uuid('a000', 11);
    const report = service.learnerReport(LESSON, learnerId);
    expect(report.attempts.length).toBeGreaterThan(0);
    expect(report.learner).toMatchObject({ known: 1, learning: 2, readingSeconds: 120 });

    const rows = read.rows.flat();
    expect(rows.length).toBeGreaterThan(0);
    const attemptIds = new Set(rows.flatMap((r) => r.attempts.map((a) => a.id)));
    expect(rows.flatMap((r) => r.learners.map((l) => l.id))).toEqual([learnerId]);
    expect(rows.flatMap((r) => r.attempts.map((a) => a.learnerId)).every((id) => id === learnerId)).toBe(true);
    expect(rows.flatMap((r) => r.lookups.map((l) => l.learnerId)).every((id) => id === learnerId)).toBe(true);
    expect(rows.flatMap((r) => r.statuses.map((s) => s.learnerId)).every((id) => id === learnerId)).toBe(true);
    expect(rows.flatMap((r) => Object.keys(r.readingSeconds))).toEqual([learnerId]);
    const answers = read.answers.flat();
    expect(answers.length).toBe(report.attempts.reduce((n, a) => n + a.answers.length, 0));
    expect(answers.every((a) => attemptIds.has(a.attemptId))).toBe(true);
  });
});
