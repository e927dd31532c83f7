// The teacher's grading of open answers: listing what learners wrote to a lesson's open questions, and recording
// a score and comment, which the attempt's score then counts.
import type { Answer } from '../../core/grading';
import type { OpenQuestion } from '../../core/quiz';
import { teacherGrade } from '../../core/teacher-grade';
import { AppError } from '../../shared/errors';
import type { OpenAnswer, OpenAnswers, TeacherNote } from '../../shared/contract/open-answers';
import type { OpenAnswerRow, QuizRepository } from '../db/repositories/quiz';
import type { LearnerDatabase } from '../db/learner-database';
import type { LessonStore } from '../lesson-store';
import { readAnswer } from '../../core/stored-quiz';
import type { XapiRecorder } from './xapi-recorder';

function textOf(raw: string): string {
  try {
    const answer = JSON.parse(raw) as Answer;
    if (answer.type === 'open') return answer.text;
  } catch {
    // A damaged row is shown as stored, not hidden.
  }
  return raw;
}

const toOpenAnswer = (row: OpenAnswerRow): OpenAnswer => ({
  answerId: row.answerId,
  learner: { id: row.learnerId, name: row.learnerName },
  questionId: row.questionId,
  lessonVersion: row.lessonVersion,
  text: textOf(row.answer),
  answeredAt: row.answeredAt,
  grade: row.gradedAt ? { score: row.score, comment: row.teacherComment ?? '', gradedAt: row.gradedAt } : null,
});

const keyOf = (version: number, questionId: string): string => `${version}|${questionId}`;

export class OpenAnswerService {
  constructor(
    private readonly quizzes: QuizRepository,
    private readonly lessons: LessonStore,
    private readonly now: () => Date,
    /** Writes the regrade's xAPI statements (the old one voided, the new grade) in the grade's own transaction. */
    private readonly xapi?: { db: LearnerDatabase; recorder: XapiRecorder },
  ) {}

  /**
   * Each answer under the question its attempt was asked: the current version's open questions, then an older
   * version's that have answers (a reworded or removed question keeps its own words for what was answered to it).
   */
  list(lessonId: string): OpenAnswers {
    this.lessons.get(lessonId);
    const current = this.lessons.currentVersion(lessonId);
    const versions = [...new Set([...(current === undefined ? [] : [current]), ...this.lessons.readVersions(lessonId)])];
    const asked = versions.flatMap((version) => this.openQuestions(lessonId, version).map((q) => ({ ...q, version })));
    const open = new Set(asked.map((q) => keyOf(q.version, q.question.id)));
    const answers = this.quizzes
      .openAnswers(lessonId, [...new Set(asked.map((q) => q.question.id))])
      .filter((row) => open.has(keyOf(row.lessonVersion, row.questionId)));
    const answered = new Set(answers.map((row) => keyOf(row.lessonVersion, row.questionId)));
    return {
      lessonId,
      questions: asked
        .filter((q) => q.version === current || answered.has(keyOf(q.version, q.question.id)))
        .map(({ question, number, version }) => ({
          id: question.id,
          lessonVersion: version,
          number,
          prompt: question.prompt,
          promptLang: question.promptLang,
          answerLang: question.answerLang,
          guidance: question.guidance ?? null,
        })),
      answers: answers.map(toOpenAnswer),
    };
  }

  grade(answerId: string, score: number, comment: string): OpenAnswer {
    const row = this.quizzes.answerById(answerId);
    const isOpen = row && row.kind === 'comprehension' && this.openQuestions(row.lessonId, row.lessonVersion).some((q) => q.question.id === row.questionId);
    if (!row || !isOpen) throw AppError.because('not_found', 'noSuchOpenAnswer');
    const at = this.now().toISOString();
    const save = (): void => {
      const before = this.quizzes.attempt(row.attemptId)?.score ?? null;
      this.quizzes.gradeAnswer(answerId, teacherGrade(score), comment, at);
      const question = this.lessons.quizOf(row.lessonId, row.lessonVersion)?.questions.find((q) => q.id === row.questionId);
      const answer = readAnswer(row.answer);
      const attempt = this.quizzes.attempt(row.attemptId);
      if (!this.xapi || !question || !answer || !attempt) return;
      this.xapi.recorder.regraded({
        answerId, learnerId: attempt.learnerId, lessonId: row.lessonId, attemptId: row.attemptId, lessonVersion: attempt.lessonVersion ?? 1, kind: row.kind,
        question, answer, grade: teacherGrade(score), timeMs: row.timeMs, at, teacherComment: comment,
      });
      // The grade moved a finished attempt's score: its completed and passed/failed go again with the new one.
      if (attempt.finishedAt && attempt.score !== null && attempt.score !== before) {
        this.xapi.recorder.attemptRescored({
          learnerId: attempt.learnerId, lessonId: row.lessonId, lessonVersion: attempt.lessonVersion ?? 1, attemptId: row.attemptId, kind: attempt.kind,
          score: attempt.score, startedAt: attempt.startedAt, at: attempt.finishedAt, regradedAt: at,
        });
      }
    };
    if (this.xapi) this.xapi.db.write(save);
    else save();
    const graded = this.quizzes.openAnswers(row.lessonId, [row.questionId]).find((a) => a.answerId === answerId);
    if (!graded) throw AppError.because('not_found', 'noSuchOpenAnswer');
    return toOpenAnswer(graded);
  }

  /** A learner's graded open answers, with their questions in words. */
  notes(learnerId: string, lessonId?: string): TeacherNote[] {
    return this.quizzes.gradedAnswers(learnerId, lessonId).flatMap((row) => {
      const lesson = this.lessons.find(row.lessonId);
      // The question the learner was asked: the version their attempt was on, not a later rewording.
      const question = this.lessons.quizOf(row.lessonId, row.lessonVersion)?.questions.find((q) => q.id === row.questionId);
      if (question?.type !== 'open') return [];
      return [
        {
          lessonId: row.lessonId,
          lessonTitle: lesson?.manifest.title ?? null,
          questionId: row.questionId,
          prompt: question.prompt,
          promptLang: question.promptLang,
          answer: textOf(row.answer),
          answerLang: question.answerLang,
          score: row.score,
          comment: row.teacherComment,
          gradedAt: row.gradedAt,
        },
      ];
    });
  }

  private openQuestions(lessonId: string, version?: number): { question: OpenQuestion; number: number }[] {
    return (this.lessons.quizOf(lessonId, version)?.questions ?? []).flatMap((question, i) => (question.type === 'open' ? [{ question, number: i + 1 }] : []));
  }
}
