import { randomInt, randomUUID } from 'node:crypto';
import { AnswerError, grade, type Answer } from '../../core/grading';
import type { Question, Quiz } from '../../core/quiz';
import { feedbackFor, questionView } from '../../core/quiz-view';
import { vocabularyPractice } from '../../core/vocabulary';
import { AppError } from '../../shared/errors';
import type { AnswerOutcome, AttemptSummary, AttemptView, QuizOverview } from '../../shared/contract/quiz';
import type { QuizKind } from '../../shared/types';
import type { LearnerDatabase } from '../db/learner-database';
import { attemptSummary, type AttemptRow, type QuizRepository } from '../db/repositories/quiz';
import type { ReadingRepository } from '../db/repositories/reading';
import type { LessonStore } from '../lesson-store';
import type { LearnerService } from './learners';
import type { OpenAnswerService } from './open-answers';

const byIdOf = new WeakMap<Quiz, ReadonlyMap<string, Question>>();

/** A lesson quiz's questions by id, made once per quiz (the lesson store keeps each quiz it loaded). */
function questionsById(quiz: Quiz): ReadonlyMap<string, Question> {
  let byId = byIdOf.get(quiz);
  if (!byId) {
    byId = new Map(quiz.questions.map((q) => [q.id, q]));
    byIdOf.set(quiz, byId);
  }
  return byId;
}

/** Questions in one vocabulary practice round. */
export const VOCABULARY_ROUND = 10;

export class QuizService {
  constructor(
    private readonly db: LearnerDatabase,
    private readonly quizzes: QuizRepository,
    private readonly reading: ReadingRepository,
    private readonly lessons: LessonStore,
    private readonly learners: LearnerService,
    private readonly now: () => Date,
    private readonly openAnswers: OpenAnswerService,
  ) {}

  overview(learnerId: string, lessonId: string): QuizOverview {
    this.learners.require(learnerId);
    const questionCount = this.lessons.get(lessonId) && (this.lessons.quizOf(lessonId)?.questions.length ?? 0);
    const attempts = this.quizzes.summaries(learnerId, lessonId).map((row) => attemptSummary(row, row.answered, this.questionsOf(row).length, row.awaiting));
    const finished = attempts.filter((a) => a.kind === 'comprehension' && a.score !== null);
    const open = (kind: QuizKind): AttemptSummary | null => attempts.find((a) => a.kind === kind && a.finishedAt === null) ?? null;
    return {
      questionCount,
      best: finished.length ? Math.max(...finished.map((a) => a.score ?? 0)) : null,
      last: finished[0]?.score ?? null,
      inProgress: { comprehension: open('comprehension'), vocabulary: open('vocabulary') },
      attempts,
      teacherNotes: this.openAnswers.notes(learnerId, lessonId),
    };
  }

  /** A new attempt; an unfinished earlier one stays in the history as it was. */
  start(learnerId: string, lessonId: string, kind: QuizKind): AttemptView {
    this.learners.require(learnerId);
    const lesson = this.lessons.get(lessonId);
    const seed = randomInt(2 ** 31);
    let questions: string;
    if (kind === 'comprehension') {
      questions = JSON.stringify(this.lessons.quiz(lessonId).questions.map((q) => q.id));
    } else {
      const lookedUp = this.reading.lookedUpLemmas(learnerId, lessonId);
      const generated = vocabularyPractice(lesson, { seed, lookedUp, count: VOCABULARY_ROUND });
      if (generated.length === 0) throw new AppError('not_found', 'This lesson has no words to practise yet.');
      questions = JSON.stringify(generated);
    }
    const row: AttemptRow = { id: randomUUID(), learnerId, lessonId, kind, seed, questions, startedAt: this.now().toISOString(), finishedAt: null, score: null };
    this.quizzes.insertAttempt(row);
    return this.view(row);
  }

  attempt(learnerId: string, attemptId: string): AttemptView {
    return this.view(this.owned(learnerId, attemptId));
  }

  /**
   * Grades and saves one answer. The checks, the insert and the attempt's score run in one write transaction, so
   * the state they check is the state they write to, and the reply is sent once the commit is durable.
   */
  answer(learnerId: string, attemptId: string, questionId: string, answer: Answer, timeMs: number): AnswerOutcome {
    return this.db.write(() => {
      const row = this.owned(learnerId, attemptId);
      if (row.finishedAt) throw new AppError('conflict', 'This attempt is finished. Start a new one to try again.');
      const questions = this.questionsOf(row);
      const question = questions.find((q) => q.id === questionId);
      if (!question) throw new AppError('not_found', 'That question is not part of this attempt.');
      if (this.quizzes.hasAnswer(attemptId, questionId)) throw new AppError('conflict', 'This question was already answered.');
      let result;
      try {
        result = grade(question, answer);
      } catch (error) {
        if (error instanceof AnswerError) throw new AppError('invalid_input', `That answer does not fit the question: ${error.message}`);
        throw error;
      }
      const saved = this.quizzes.saveAnswer(
        {
          id: randomUUID(),
          attemptId,
          questionId,
          answer: JSON.stringify(answer),
          score: result.score,
          verdict: result.verdict,
          timeMs,
          answeredAt: this.now().toISOString(),
        },
        questions.length,
      );
      return {
        feedback: feedbackFor(question, result),
        attempt: attemptSummary({ ...row, finishedAt: saved.finishedAt, score: saved.score }, saved.answered, questions.length, saved.awaiting),
      };
    });
  }

  private owned(learnerId: string, attemptId: string): AttemptRow {
    this.learners.require(learnerId);
    const row = this.quizzes.attempt(attemptId);
    if (!row || row.learnerId !== learnerId) throw new AppError('not_found', 'There is no such quiz attempt for this learner.');
    return row;
  }

  private questionsOf(row: AttemptRow): Question[] {
    if (row.kind === 'vocabulary') return JSON.parse(row.questions) as Question[];
    const byId = questionsById(this.lessons.quiz(row.lessonId));
    return (JSON.parse(row.questions) as string[]).flatMap((id) => {
      const question = byId.get(id);
      return question ? [question] : [];
    });
  }

  private view(row: AttemptRow): AttemptView {
    const questions = this.questionsOf(row);
    const byId = new Map(questions.map((q) => [q.id, q]));
    const feedback: AttemptView['feedback'] = {};
    let awaiting = 0;
    for (const answer of this.quizzes.answers(row.id)) {
      const question = byId.get(answer.questionId);
      if (!question) continue;
      if (answer.verdict === 'awaiting') awaiting++;
      // The score and verdict are those given at the time (or by the teacher); marks are recomputed for display.
      const { marks } = grade(question, JSON.parse(answer.answer) as Answer);
      const teacher = answer.gradedAt ? { score: answer.score, comment: answer.teacherComment ?? '', gradedAt: answer.gradedAt } : undefined;
      feedback[answer.questionId] = feedbackFor(
        question,
        { score: answer.score, verdict: answer.verdict as AnswerOutcome['feedback']['verdict'], detail: '', ...(marks ? { marks } : {}) },
        teacher,
      );
    }
    return {
      ...attemptSummary(row, Object.keys(feedback).length, questions.length, awaiting),
      lessonId: row.lessonId,
      questions: questions.map((q) => questionView(q, row.seed)),
      feedback,
    };
  }
}
