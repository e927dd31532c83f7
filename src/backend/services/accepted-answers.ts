// What learners typed to a question, and the teacher's accept / reject of a typed answer: the correction is kept
// on this computer, every stored answer to the question is regraded, every changed attempt's score recomputed,
// and the regrading logged, all in one transaction.
import { randomUUID } from 'node:crypto';
import { acceptedVariantsMatching, isTyped, typedAnswer, typedText, withOverrides, type TypedQuestion } from '../../core/accepted-answers';
import { attemptScore } from '../../core/attempt-score';
import { grade, normaliseAnswer } from '../../core/grading';
import type { Question } from '../../core/quiz';
import { regradingLines, type RegradingLine } from '../../core/reports/regrading';
import { AppError } from '../../shared/errors';
import type { QuestionResponses } from '../../shared/contract/reports';
import type { LearnerDatabase } from '../db/learner-database';
import type { AcceptedAnswersRepository } from '../db/repositories/accepted-answers';
import type { LessonStore } from '../lesson-store';
import { readAnswer } from '../../core/stored-quiz';
import type { XapiRecorder } from './xapi-recorder';

export class AcceptedAnswerService {
  constructor(
    private readonly db: LearnerDatabase,
    private readonly repo: AcceptedAnswersRepository,
    private readonly lessons: LessonStore,
    private readonly now: () => Date,
    /** Each changed answer's statement voided and sent again, and each changed attempt's, in the regrade's transaction. */
    private readonly xapi?: XapiRecorder,
  ) {}

  /** The version the teacher's decisions apply to now: the one learners read (a correction never crosses versions). */
  private versionOf(lessonId: string): number {
    return this.lessons.currentVersion(lessonId) ?? 1;
  }

  /** A lesson version's quiz questions as graded on this computer: the teacher's corrections to that version applied. */
  effectiveQuestions(lessonId: string, questions: readonly Question[], version = this.versionOf(lessonId)): Question[] {
    const overrides = this.repo.overrides(lessonId, version);
    if (overrides.size === 0) return [...questions];
    return questions.map((q) => withOverrides(q, overrides.get(q.id) ?? []));
  }

  /** Every distinct typed answer to the question, most given first, with its verdict and who gave it. */
  responses(lessonId: string, questionId: string): QuestionResponses {
    const { question, number } = this.typedQuestion(lessonId, questionId);
    const version = this.versionOf(lessonId);
    const effective = withOverrides(question, this.repo.overrides(lessonId, version).get(questionId) ?? []);
    // Answers that differ only in what grading always forgives (case, spacing, apostrophes) are one answer here.
    const groups = new Map<string, QuestionResponses['responses'][number]>();
    for (const stored of this.repo.answersTo(lessonId, version, questionId)) {
      const text = typedText(stored.answer);
      if (text === null) continue;
      const key = normaliseAnswer(text, true);
      const group = groups.get(key);
      if (group) {
        group.count += 1;
        if (!group.learners.includes(stored.learner)) group.learners.push(stored.learner);
      } else {
        groups.set(key, { answer: text, count: 1, verdict: stored.verdict, score: stored.score, learners: [stored.learner], accepted: acceptedVariantsMatching(effective, text).length > 0 });
      }
    }
    return {
      questionId,
      number,
      prompt: question.prompt,
      promptLang: question.promptLang,
      answerLang: question.type === 'short-answer' ? question.answerLang : 'fr',
      quizAccepted: question.accepted,
      accepted: effective.accepted,
      responses: [...groups.values()].sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer, 'fr')),
      regradings: this.regradings(lessonId).filter((r) => r.questionId === questionId),
    };
  }

  /** The regradings of the version learners read now (each version's questions are its own). */
  regradings(lessonId: string): RegradingLine[] {
    const version = this.versionOf(lessonId);
    return regradingLines(
      this.repo.regradings(lessonId).filter((r) => (r.lessonVersion ?? 1) === version),
      this.lessons.quizOf(lessonId, version),
    );
  }

  /** Accepts (or rejects) a typed answer to the question and regrades every stored answer to it. */
  decide(lessonId: string, questionId: string, answer: string, accept: boolean): RegradingLine {
    return this.db.write(() => {
      const { question, number } = this.typedQuestion(lessonId, questionId);
      const version = this.versionOf(lessonId);
      const at = this.now().toISOString();
      const current = withOverrides(question, this.repo.overrides(lessonId, version).get(questionId) ?? []);
      const matching = acceptedVariantsMatching(current, answer);
      if (accept) {
        if (matching.length) throw AppError.because('conflict', 'alreadyAccepted', { answer });
        this.repo.setOverride(lessonId, version, questionId, answer, true, at);
      } else {
        if (!matching.length) throw AppError.because('conflict', 'notAccepted', { answer });
        if (matching.length === current.accepted.length) throw AppError.because('conflict', 'keepOneAccepted');
        for (const variant of matching) this.repo.setOverride(lessonId, version, questionId, variant, false, at);
      }
      const next = withOverrides(question, this.repo.overrides(lessonId, version).get(questionId) ?? []);
      const { answersChanged, attempts } = this.regrade(lessonId, version, next, at);
      const entry = { id: randomUUID(), lessonId, lessonVersion: version, questionId, at, by: 'teacher', change: accept ? ('accepted' as const) : ('rejected' as const), answer, answersChanged, attempts };
      this.repo.log(entry);
      return { ...entry, number, prompt: question.prompt };
    });
  }

  /** Every stored answer to the question graded again; then each finished attempt whose answers changed scored again. */
  private regrade(lessonId: string, version: number, question: TypedQuestion, at: string): Pick<RegradingLine, 'answersChanged' | 'attempts'> {
    let answersChanged = 0;
    const changed = new Map<string, string>();
    for (const stored of this.repo.answersTo(lessonId, version, question.id)) {
      const text = typedText(stored.answer);
      if (text === null) continue;
      const { score, verdict } = grade(question, typedAnswer(question, text));
      if (score === stored.score && verdict === stored.verdict) continue;
      this.repo.setGrade(stored.id, score, verdict);
      const answer = readAnswer(stored.answer);
      // An answer brought from another computer has no statement here to void: the new grade is still sent.
      if (answer) {
        this.xapi?.regraded({
          answerId: stored.id, learnerId: stored.learnerId, lessonId, lessonVersion: version, attemptId: stored.attemptId, kind: 'comprehension',
          question, answer, grade: { score, verdict }, timeMs: stored.timeMs, at,
        });
      }
      answersChanged += 1;
      changed.set(stored.attemptId, stored.learnerId);
    }
    const attempts: RegradingLine['attempts'] = [];
    for (const [attemptId, learnerId] of changed) {
      const finished = this.repo.finishedAttempt(attemptId);
      if (!finished) continue;
      // Open answers awaiting the teacher stay out of the score, as when the attempt was finished.
      const after = attemptScore(finished.answers, finished.questionCount).score ?? 0;
      if (after === finished.score) continue;
      this.repo.setAttemptScore(attemptId, after);
      this.xapi?.attemptRescored({ learnerId, lessonId, lessonVersion: version, attemptId, kind: 'comprehension', score: after, startedAt: finished.startedAt, at: finished.finishedAt, regradedAt: at });
      attempts.push({ attemptId, learnerId, before: finished.score, after });
    }
    return { answersChanged, attempts };
  }

  private typedQuestion(lessonId: string, questionId: string): { question: TypedQuestion; number: number } {
    const questions = this.lessons.quiz(lessonId).questions;
    const index = questions.findIndex((q) => q.id === questionId);
    const question = questions[index];
    if (!question) throw AppError.because('not_found', 'noSuchQuestion');
    if (!isTyped(question)) throw AppError.because('invalid_input', 'notTyped');
    return { question, number: index + 1 };
  }
}
