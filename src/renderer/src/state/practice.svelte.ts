// "Retry the ones I missed": a practice round on the questions of a finished attempt that did not get full marks.
// Each answer is graded by the backend and shown with its feedback, but never stored: the attempt's score, the
// learner's last/best and the teacher's reports stay those of the counted attempt.
import { api as appApi } from '../lib/api';
import type { Api } from '../../../shared/contract';
import { session as appSession, type SessionState } from './session.svelte';
import type { Answer } from '../../../core/grading';
import type { Feedback, QuestionView } from '../../../core/quiz-view';
import type { AttemptView } from '../../../shared/contract/quiz';

/** The questions of an attempt answered below full marks, in the attempt's order. */
export function missedQuestions(attempt: AttemptView): QuestionView[] {
  return attempt.questions.filter((q) => (attempt.feedback[q.id]?.score ?? 0) < 1);
}

export class PracticeState {
  /** The round's questions, set once from the attempt. */
  questions = $state.raw<QuestionView[]>([]);
  index = $state(0);
  feedback = $state<Record<string, Feedback>>({});
  submitting = $state(false);

  current = $derived(this.questions[this.index]);
  currentFeedback = $derived(this.current ? this.feedback[this.current.id] : undefined);
  isLast = $derived(this.index >= this.questions.length - 1);
  /** Right this time, out of the questions practised. */
  rightCount = $derived(Object.values(this.feedback).filter((f) => f.score >= 1).length);

  constructor(
    readonly learnerId: string,
    readonly attempt: AttemptView,
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {
    this.questions = missedQuestions(attempt);
  }

  async submit(answer: Answer): Promise<boolean> {
    const question = this.current;
    if (!question || this.submitting || this.feedback[question.id]) return false;
    this.submitting = true;
    const feedback = await this.session.guard(() =>
      this.api['quiz:practise']({ learnerId: this.learnerId, attemptId: this.attempt.id, questionId: question.id, answer }),
    );
    this.submitting = false;
    if (!feedback) return false;
    this.feedback = { ...this.feedback, [question.id]: feedback };
    return true;
  }

  next(): void {
    if (!this.isLast) this.index += 1;
  }
}
