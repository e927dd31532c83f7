// The teacher's choice of glosses in the text beside each lesson's quizzes: read once the area is unlocked,
// changed one box at a time, each change saved before it shows.
import { api as appApi } from '../lib/api';
import { attemptInForm } from '../lib/attempt';
import type { Api } from '../../../shared/contract';
import type { LessonGlosses } from '../../../shared/contract/quiz';
import type { QuizKind } from '../../../shared/types';

export class QuizGlossesState {
  lessons = $state<LessonGlosses[] | null>(null);
  /** A refusal worded for the teacher, shown beside the settings. */
  error = $state<string | null>(null);
  busy = $state(false);

  constructor(
    private readonly teacherToken: string,
    private readonly api: Api = appApi,
  ) {}

  async load(): Promise<void> {
    await attemptInForm(this, async () => {
      this.lessons = await this.api['quiz:glossSettings']({ teacherToken: this.teacherToken });
    });
  }

  async set(lessonId: string, kind: QuizKind, shown: boolean): Promise<void> {
    const outcome = await attemptInForm(this, () => this.api['quiz:setGlosses']({ teacherToken: this.teacherToken, lessonId, kind, shown }));
    if (outcome.ok) this.lessons = (this.lessons ?? []).map((l) => (l.lessonId === lessonId ? { ...l, [kind]: shown } : l));
  }
}
