// Renaming and deleting learners from the library's learner panel. Deleting asks for the teacher PIN each time:
// the unlock it gets is used for this one deletion and locked again straight after.
import { api, messageOf } from '../lib/api';
import { DEFAULT_SETTINGS } from '../../../shared/contract/reading';
import type { Learner } from '../../../shared/types';
import { strings } from '../strings';
import { session } from './session.svelte';

export class ProfilesState {
  /** The learner being renamed, by id. */
  renaming = $state<string | null>(null);
  /** The learner whose deletion waits for confirmation. */
  deleting = $state<Learner | null>(null);
  /** Whether a teacher PIN exists; null until asked. */
  pinSet = $state<boolean | null>(null);
  /** A refusal worded for the user, shown next to the form that caused it. */
  error = $state<string | null>(null);
  busy = $state(false);
  /** Said politely to screen readers after a change. */
  announcement = $state('');

  startRename(learner: Learner): void {
    this.error = null;
    this.renaming = learner.id;
  }

  async rename(learner: Learner, name: string): Promise<boolean> {
    return this.step(async () => {
      const renamed = await api['learners:rename']({ learnerId: learner.id, name });
      session.learners = await api['learners:list']();
      if (session.current?.id === renamed.id) session.current = renamed;
      this.renaming = null;
      this.announcement = strings.profiles.renamed(renamed.name);
    });
  }

  async startDelete(learner: Learner): Promise<void> {
    this.error = null;
    this.deleting = learner;
    await this.step(async () => {
      this.pinSet = (await api['teacher:status']()).pinSet;
    });
  }

  async confirmDelete(pin: string): Promise<boolean> {
    const learner = this.deleting;
    if (!learner) return false;
    return this.step(async () => {
      const { teacherToken } = await api['teacher:unlock']({ pin });
      try {
        await api['learners:delete']({ learnerId: learner.id, teacherToken });
      } finally {
        await api['teacher:lock']({ teacherToken }).catch(() => null);
      }
      session.learners = await api['learners:list']();
      if (session.current?.id === learner.id) {
        session.current = null;
        session.settings = { ...DEFAULT_SETTINGS };
      }
      this.deleting = null;
      this.announcement = strings.profiles.deleted(learner.name);
    });
  }

  cancel(): void {
    this.renaming = null;
    this.deleting = null;
    this.error = null;
  }

  private async step(run: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    // Cleared first, so the same refusal twice is announced twice.
    this.error = null;
    try {
      await run();
      this.error = null;
      return true;
    } catch (error) {
      this.error = messageOf(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
