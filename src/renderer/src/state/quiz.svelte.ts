// One quiz attempt as the learner takes it: the current question, its timer, and the feedback as it arrives.
import { api as appApi } from '../lib/api';
import type { Api } from '../../../shared/contract';
import { session as appSession, type SessionState } from './session.svelte';
import type { Answer } from '../../../core/grading';
import type { AttemptView } from '../../../shared/contract/quiz';

export class QuizState {
  attempt = $state<AttemptView | null>(null);
  index = $state(0);
  submitting = $state(false);
  private shownAt = 0;

  current = $derived(this.attempt?.questions[this.index]);
  feedback = $derived(this.current && this.attempt ? this.attempt.feedback[this.current.id] : undefined);
  /** The near-miss first try at the current question while the learner is on their second try. */
  firstTry = $derived(this.current && this.attempt && !this.feedback ? this.attempt.firstTries[this.current.id] : undefined);
  finished = $derived(this.attempt?.finishedAt != null);
  isLast = $derived(this.attempt ? this.index === this.attempt.questions.length - 1 : false);

  constructor(
    readonly learnerId: string,
    readonly attemptId: string,
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {}

  /**
   * Opens the attempt at `questionId` (the question the learner left for the text, its feedback still shown), else
   * at its first unanswered question: where it stopped, even after a restart.
   */
  async load(questionId?: string): Promise<void> {
    await this.session.guard(async () => {
      const attempt = await this.api['quiz:attempt']({ learnerId: this.learnerId, attemptId: this.attemptId });
      this.attempt = attempt;
      const left = questionId === undefined ? -1 : attempt.questions.findIndex((q) => q.id === questionId);
      const next = attempt.questions.findIndex((q) => !attempt.feedback[q.id]);
      this.index = left !== -1 ? left : next === -1 ? Math.max(0, attempt.questions.length - 1) : next;
      this.shownAt = performance.now();
    });
  }

  async submit(answer: Answer): Promise<boolean> {
    const attempt = this.attempt;
    const question = this.current;
    if (!attempt || !question || this.submitting) return false;
    this.submitting = true;
    const outcome = await this.session.guard(() =>
      this.api['quiz:answer']({
        learnerId: this.learnerId,
        attemptId: attempt.id,
        questionId: question.id,
        answer,
        timeMs: Math.round(performance.now() - this.shownAt),
        secondTryOnNearMiss: true,
      }),
    );
    this.submitting = false;
    if (!outcome) return false;
    const { feedback, tryAgain } = outcome;
    this.attempt = {
      ...attempt,
      ...outcome.attempt,
      feedback: feedback ? { ...attempt.feedback, [question.id]: feedback } : attempt.feedback,
      firstTries: tryAgain ? { ...attempt.firstTries, [question.id]: tryAgain.firstTry } : attempt.firstTries,
    };
    return true;
  }

  next(): void {
    if (!this.attempt || this.isLast) return;
    this.index += 1;
    this.shownAt = performance.now();
  }
}
