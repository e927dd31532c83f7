// The teacher's "To grade" tab: the open answers of one lesson, a draft score and comment for each, and saving
// a grade (which the backend counts in the attempt's score at once).
import { asTeacherScore, type TeacherScore } from '../../../core/teacher-grade';
import { api as appApi } from '../lib/api';
import { attempt } from '../lib/attempt';
import type { Api } from '../../../shared/contract';
import type { OpenAnswer, OpenAnswers } from '../../../shared/contract/open-answers';
import { strings } from '../strings';
import { session as appSession, type SessionState } from './session.svelte';

const S = strings.openAnswers;

export interface GradeDraft {
  /** 0..1 in steps of 0.25; null until the teacher picks one. */
  score: TeacherScore | null;
  comment: string;
}

export class OpenAnswersState {
  data = $state<OpenAnswers | null>(null);
  drafts = $state<Record<string, GradeDraft>>({});
  /** The answer being saved, if any. */
  saving = $state('');
  /** What the last save did, for the status line; errors name the answer's learner. */
  status = $state('');
  /** Per answer: why its grade was not saved. */
  errors = $state<Record<string, string>>({});
  awaiting = $derived(this.data?.answers.filter((a) => a.grade === null).length ?? 0);

  constructor(
    readonly teacherToken: string,
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {}

  async load(lessonId: string): Promise<void> {
    if (!lessonId) return;
    const data = await this.session.guard(() => this.api['openAnswers:list']({ teacherToken: this.teacherToken, lessonId }));
    if (!data) return;
    this.data = data;
    this.drafts = Object.fromEntries(data.answers.map((a) => [a.answerId, { score: a.grade ? asTeacherScore(a.grade.score) : null, comment: a.grade?.comment ?? '' }]));
    this.errors = {};
  }

  /** The answers given to this question as its own version asked it. */
  answersTo(question: { id: string; lessonVersion: number }): OpenAnswer[] {
    return this.data?.answers.filter((a) => a.questionId === question.id && a.lessonVersion === question.lessonVersion) ?? [];
  }

  /** Whether the answers listed were given on more than one version: each question then says its version. */
  get severalVersions(): boolean {
    const [first, ...rest] = this.data?.questions ?? [];
    return rest.some((q) => q.lessonVersion !== first?.lessonVersion);
  }

  async grade(answerId: string): Promise<void> {
    const draft = this.drafts[answerId];
    const answer = this.data?.answers.find((a) => a.answerId === answerId);
    if (!draft || !answer || !this.data) return;
    if (draft.score === null) {
      this.errors = { ...this.errors, [answerId]: S.chooseScore };
      return;
    }
    const score = draft.score;
    this.saving = answerId;
    const outcome = await attempt(() => this.api['openAnswers:grade']({ teacherToken: this.teacherToken, answerId, score, comment: draft.comment }));
    this.saving = '';
    if (!outcome.ok) {
      this.errors = { ...this.errors, [answerId]: outcome.message };
      return;
    }
    const { [answerId]: _cleared, ...others } = this.errors;
    this.errors = others;
    this.data = { ...this.data, answers: this.data.answers.map((a) => (a.answerId === answerId ? outcome.value : a)) };
    this.drafts = { ...this.drafts, [answerId]: { score, comment: outcome.value.grade?.comment ?? draft.comment } };
    this.status = S.saved(answer.learner.name);
  }
}
