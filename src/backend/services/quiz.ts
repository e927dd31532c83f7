import { randomInt, randomUUID } from 'node:crypto';
import { AnswerError, grade, type Answer, type Grade, type Verdict } from '../../core/grading';
import type { Question, Quiz } from '../../core/quiz';
import { feedbackFor, questionView, type Feedback } from '../../core/quiz-view';
import { QuestionIdsSchema, readAnswer, readStoredJson, StoredVocabularyQuestionsSchema, withoutKey } from '../../core/stored-quiz';
import { vocabularyPractice, type VocabularyQuestion } from '../../core/vocabulary';
import { AppError } from '../../shared/errors';
import type { AnswerOutcome, AttemptSummary, AttemptView, KindScores, LessonGlosses, QuizOverview } from '../../shared/contract/quiz';
import type { QuizKind } from '../../shared/types';
import type { LearnerDatabase } from '../db/learner-database';
import { attemptSummary, type AttemptRow, type QuizRepository } from '../db/repositories/quiz';
import type { ReadingRepository } from '../db/repositories/reading';
import type { LessonStore } from '../lesson-store';
import type { AcceptedAnswerService } from './accepted-answers';
import type { LearnerService } from './learners';
import type { OpenAnswerService } from './open-answers';
import type { XapiRecorder } from './xapi-recorder';

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

/**
 * Glosses beside a quiz until the teacher chooses for a lesson: on for comprehension, off for vocabulary practice,
 * where tapping a word's gloss would answer the question.
 */
export const DEFAULT_GLOSSES: Readonly<Record<QuizKind, boolean>> = { comprehension: true, vocabulary: false };

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
    /** The teacher's corrections to accepted answers, applied to every comprehension question graded. */
    private readonly acceptedAnswers: AcceptedAnswerService,
    /** The teacher's grades of open answers, shown to the learner as notes. */
    private readonly openAnswers: OpenAnswerService,
    /** Writes each answer's xAPI statement in the answer's own transaction. */
    private readonly xapi?: XapiRecorder,
  ) {}

  overview(learnerId: string, lessonId: string): QuizOverview {
    this.learners.require(learnerId);
    const questionCount = this.lessons.get(lessonId) && (this.lessons.quizOf(lessonId)?.questions.length ?? 0);
    const rows = this.quizzes.summaries(learnerId, lessonId);
    const attempts = rows.map((row) => attemptSummary(row, row.answered, this.questionsOf(row).length, row.awaiting));
    // Only an attempt taken here can be resumed here; one a results file brought stays as it was.
    const local = new Set(rows.filter((row) => !row.source).map((row) => row.id));
    const open = (kind: QuizKind): AttemptSummary | null => attempts.find((a) => a.kind === kind && a.finishedAt === null && local.has(a.id)) ?? null;
    const scores = (kind: QuizKind): KindScores => {
      const finished = attempts.flatMap((a) => (a.kind === kind && a.score !== null ? [a.score] : []));
      return { last: finished[0] ?? null, best: finished.length ? Math.max(...finished) : null, finished: finished.length };
    };
    return {
      questionCount,
      scores: { comprehension: scores('comprehension'), vocabulary: scores('vocabulary') },
      inProgress: { comprehension: open('comprehension'), vocabulary: open('vocabulary') },
      attempts,
      teacherNotes: this.openAnswers.notes(learnerId, lessonId),
    };
  }

  /** A new attempt; an unfinished earlier one stays in the history as it was. */
  start(learnerId: string, lessonId: string, kind: QuizKind): AttemptView {
    this.learners.require(learnerId);
    const lesson = this.lessons.get(lessonId);
    // The version read now is the one answered: a later version never regrades or reshapes this attempt.
    const lessonVersion = this.lessons.currentVersion(lessonId) ?? 1;
    const seed = randomInt(2 ** 31);
    let questions: string;
    if (kind === 'comprehension') {
      questions = JSON.stringify(this.lessons.quiz(lessonId, lessonVersion).questions.map((q) => q.id));
    } else {
      const lookedUp = this.reading.lookedUpLemmas(learnerId, lessonId);
      const generated = vocabularyPractice(lesson, { seed, lookedUp, count: VOCABULARY_ROUND });
      if (generated.length === 0) throw AppError.because('not_found', 'nothingToPractise');
      questions = JSON.stringify(generated);
    }
    const row: AttemptRow = { id: randomUUID(), learnerId, lessonId, lessonVersion, kind, seed, questions, startedAt: this.now().toISOString(), finishedAt: null, score: null };
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
  answer(learnerId: string, attemptId: string, questionId: string, answer: Answer, timeMs: number, secondTryOnNearMiss = false): AnswerOutcome {
    return this.db.write(() => {
      const row = this.owned(learnerId, attemptId);
      if (row.finishedAt) throw AppError.because('conflict', 'attemptFinished');
      if (row.source) throw AppError.because('conflict', 'attemptFromElsewhere');
      const questions = this.questionsOf(row);
      const question = questions.find((q) => q.id === questionId);
      if (!question) throw AppError.because('not_found', 'questionNotInAttempt');
      if (this.quizzes.hasAnswer(attemptId, questionId)) throw AppError.because('conflict', 'alreadyAnswered');
      let result;
      try {
        result = grade(question, answer);
      } catch (error) {
        if (error instanceof AnswerError) throw AppError.because('invalid_input', 'answerDoesNotFit', { detail: error.message });
        throw error;
      }
      const answeredAt = this.now().toISOString();
      const firstTry = this.quizzes.firstTries(attemptId).get(questionId);
      const typedText = typedTextOf(answer);
      if (secondTryOnNearMiss && firstTry === undefined && result.verdict === 'almost' && typedText !== undefined) {
        this.quizzes.saveFirstTry({ attemptId, questionId, answer: JSON.stringify(answer), timeMs, answeredAt });
        const answers = this.quizzes.answers(attemptId);
        const awaiting = answers.filter((a) => a.verdict === 'awaiting').length;
        return { tryAgain: { firstTry: typedText }, attempt: attemptSummary(row, answers.length, questions.length, awaiting) };
      }
      const answerId = randomUUID();
      const saved = this.quizzes.saveAnswer(
        { id: answerId, attemptId, questionId, answer: JSON.stringify(answer), score: result.score, verdict: result.verdict, timeMs, answeredAt },
        questions.length,
      );
      const about = { learnerId, lessonId: row.lessonId, attemptId, lessonVersion: row.lessonVersion ?? 1, kind: row.kind };
      // The attempt's first answer carries what a statement file needs to rebuild the attempt (EXTENSIONS.attempt):
      // once per attempt, since a vocabulary round's questions are kilobytes each.
      const carried = (): unknown[] => (row.kind === 'comprehension' ? questions.map((q) => q.id) : questions.map((q) => withoutKey(q as VocabularyQuestion)));
      const attempt = saved.answered === 1 ? { attempt: { seed: row.seed, startedAt: row.startedAt, questions: carried() } } : {};
      this.xapi?.answered({ ...about, answerId, question, answer, grade: result, timeMs, at: answeredAt, ...attempt });
      if (saved.finishedAt) this.xapi?.attemptFinished({ ...about, score: saved.score ?? 0, startedAt: row.startedAt, at: saved.finishedAt });
      const first = firstTry === undefined ? undefined : typedTextOf(JSON.parse(firstTry) as Answer);
      return {
        feedback: { ...feedbackFor(question, result, answer), ...(first === undefined ? {} : { firstTry: first }) },
        attempt: attemptSummary({ ...row, finishedAt: saved.finishedAt, score: saved.score }, saved.answered, questions.length, saved.awaiting),
      };
    });
  }

  /**
   * Grades a practice answer to a question of a finished attempt ("retry the ones I missed"). Nothing is stored:
   * practice never changes the attempt's score, the learner's last/best or the teacher's reports. Only after the
   * attempt is finished, when its feedback has shown every answer anyway.
   */
  practise(learnerId: string, attemptId: string, questionId: string, answer: Answer): Feedback {
    const row = this.owned(learnerId, attemptId);
    if (!row.finishedAt) throw AppError.because('conflict', 'finishFirst');
    const question = this.questionsOf(row).find((q) => q.id === questionId);
    if (!question) throw AppError.because('not_found', 'questionNotInAttempt');
    try {
      return feedbackFor(question, grade(question, answer), answer);
    } catch (error) {
      if (error instanceof AnswerError) throw AppError.because('invalid_input', 'answerDoesNotFit', { detail: error.message });
      throw error;
    }
  }

  /** Every lesson's glosses beside each kind of quiz, for the teacher's settings. */
  glossSettings(): LessonGlosses[] {
    const choices = this.quizzes.glossChoices();
    return this.lessons.library().lessons.map(({ id }) => ({
      lessonId: id,
      comprehension: choices.get(id)?.comprehension ?? DEFAULT_GLOSSES.comprehension,
      vocabulary: choices.get(id)?.vocabulary ?? DEFAULT_GLOSSES.vocabulary,
    }));
  }

  setGlosses(lessonId: string, kind: QuizKind, shown: boolean): null {
    this.lessons.get(lessonId);
    this.quizzes.setGlosses(lessonId, kind, shown, this.now().toISOString());
    return null;
  }

  private glossesDuring(lessonId: string, kind: QuizKind): boolean {
    return this.quizzes.glossChoices(lessonId).get(lessonId)?.[kind] ?? DEFAULT_GLOSSES[kind];
  }

  private owned(learnerId: string, attemptId: string): AttemptRow {
    this.learners.require(learnerId);
    const row = this.quizzes.attempt(attemptId);
    if (!row || row.learnerId !== learnerId) throw AppError.because('not_found', 'noSuchAttempt');
    return row;
  }

  /** The attempt's questions; none when its stored list cannot be read, so the attempt still opens. */
  private questionsOf(row: AttemptRow): Question[] {
    if (row.kind === 'vocabulary') return (readStoredJson(StoredVocabularyQuestionsSchema, row.questions) ?? []) as Question[];
    const byId = questionsById(this.lessons.quiz(row.lessonId, row.lessonVersion));
    const own = (readStoredJson(QuestionIdsSchema, row.questions) ?? []).flatMap((id) => {
      const question = byId.get(id);
      return question ? [question] : [];
    });
    return this.acceptedAnswers.effectiveQuestions(row.lessonId, own, row.lessonVersion ?? 1);
  }

  private view(row: AttemptRow): AttemptView {
    const questions = this.questionsOf(row);
    const byId = new Map(questions.map((q) => [q.id, q]));
    const feedback: AttemptView['feedback'] = {};
    const firstTries: AttemptView['firstTries'] = {};
    for (const [questionId, json] of this.quizzes.firstTries(row.id)) {
      const text = typedTextOf(JSON.parse(json) as Answer);
      if (text !== undefined) firstTries[questionId] = text;
    }
    let awaiting = 0;
    for (const answer of this.quizzes.answers(row.id)) {
      const question = byId.get(answer.questionId);
      if (!question) continue;
      if (answer.verdict === 'awaiting') awaiting++;
      // The score and verdict are those given at the time (or by the teacher); marks are recomputed for display when the answer reads.
      const given = readAnswer(answer.answer);
      let marks: Grade['marks'];
      try {
        marks = given && grade(question, given).marks;
      } catch (error) {
        if (!(error instanceof AnswerError)) throw error;
      }
      const teacher = answer.gradedAt ? { score: answer.score, comment: answer.teacherComment ?? '', gradedAt: answer.gradedAt } : undefined;
      feedback[answer.questionId] = feedbackFor(
        question,
        { score: answer.score, verdict: answer.verdict as Verdict, detail: '', ...(marks ? { marks } : {}) },
        given,
        teacher,
      );
      const first = firstTries[answer.questionId];
      if (first !== undefined) feedback[answer.questionId] = { ...feedback[answer.questionId]!, firstTry: first };
    }
    return {
      ...attemptSummary(row, Object.keys(feedback).length, questions.length, awaiting),
      lessonId: row.lessonId,
      questions: questions.map((q) => questionView(q, row.seed)),
      feedback,
      firstTries,
      glosses: this.glossesDuring(row.lessonId, row.kind),
    };
  }
}

/** The text of a typed answer (short answer, typed cloze): the only kind a near miss can be. */
function typedTextOf(answer: Answer): string | undefined {
  if (answer.type === 'short-answer' || (answer.type === 'cloze' && answer.mode === 'typed')) return answer.text;
  return undefined;
}
