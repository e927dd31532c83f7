// Renaming and deleting learners from the library's learner panel. Deleting asks for the teacher PIN each time:
// the unlock it gets is used for this one deletion and locked again straight after.
import { api as appApi } from '../lib/api';
import { attemptInForm } from '../lib/attempt';
import type { Api } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/contract/reading';
import type { Learner } from '../../../shared/types';
import { strings } from '../strings';
import { PinWait } from './pin-wait.svelte';
import { session as appSession, type SessionState } from './session.svelte';

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
  /** While wrong PINs keep the PIN refused, counted down in the delete dialog; its refusal goes when it is over. */
  private readonly wait = new PinWait(() => (this.error = null));

  constructor(
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {}

  /** Whole seconds before the dialog may try a PIN again; 0 once it may. */
  get secondsLeft(): number {
    return this.wait.secondsLeft;
  }

  startRename(learner: Learner): void {
    this.error = null;
    this.renaming = learner.id;
  }

  async rename(learner: Learner, name: string): Promise<boolean> {
    const outcome = await attemptInForm(this, async () => {
      const renamed = await this.api['learners:rename']({ learnerId: learner.id, name });
      this.session.learners = await this.api['learners:list']();
      if (this.session.current?.id === renamed.id) this.session.current = renamed;
      this.renaming = null;
      this.announcement = strings.profiles.renamed(renamed.name);
    });
    return outcome.ok;
  }

  async startDelete(learner: Learner): Promise<void> {
    this.error = null;
    this.deleting = learner;
    await attemptInForm(this, async () => {
      const status = await this.api['teacher:status']();
      this.pinSet = status.pinSet;
      this.wait.start(status.lockedUntil);
    });
  }

  async confirmDelete(pin: string): Promise<boolean> {
    const learner = this.deleting;
    if (!learner) return false;
    const outcome = await attemptInForm(this, async () => {
      let teacherToken: string;
      try {
        ({ teacherToken } = await this.api['teacher:unlock']({ pin }));
      } catch (error) {
        // A wrong PIN may have started a wait: learn its end, to count it down.
        this.wait.start((await this.api['teacher:status']()).lockedUntil);
        throw error;
      }
      try {
        await this.api['learners:delete']({ learnerId: learner.id, teacherToken });
      } finally {
        await this.api['teacher:lock']({ teacherToken }).catch(() => null);
      }
      this.session.learners = await this.api['learners:list']();
      if (this.session.current?.id === learner.id) {
        this.session.current = null;
        this.session.settings = { ...DEFAULT_SETTINGS };
      }
      this.deleting = null;
      this.announcement = strings.profiles.deleted(learner.name);
    });
    return outcome.ok;
  }

  cancel(): void {
    this.renaming = null;
    this.deleting = null;
    this.error = null;
    this.wait.stop();
  }
}
