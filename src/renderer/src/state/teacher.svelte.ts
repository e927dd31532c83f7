// The teacher area: whether a PIN is set and the unlock it gives (kept in memory only). What the area shows is the
// reports' (reports.svelte.ts): one source of numbers.
import { api as appApi } from '../lib/api';
import { attemptInForm } from '../lib/attempt';
import type { Api } from '../../../shared/contract';
import { PIN_FORMAT, type TeacherSession } from '../../../shared/contract/teacher';
import { strings } from '../strings';

export class TeacherState {
  pinSet = $state<boolean | null>(null);
  unlocked = $state<TeacherSession | null>(null);
  /** A refusal worded for the teacher, shown by the PIN form. */
  error = $state<string | null>(null);
  busy = $state(false);

  constructor(private readonly api: Api = appApi) {}

  async load(): Promise<void> {
    await attemptInForm(this, async () => {
      this.pinSet = (await this.api['teacher:status']()).pinSet;
    });
  }

  async setPin(pin: string, again: string): Promise<void> {
    if (!PIN_FORMAT.test(pin)) return void (this.error = strings.teacher.badFormat);
    if (pin !== again) return void (this.error = strings.teacher.mismatch);
    await attemptInForm(this, async () => {
      this.unlocked = await this.api['teacher:setPin']({ pin });
      this.pinSet = true;
    });
  }

  async unlock(pin: string): Promise<void> {
    if (!PIN_FORMAT.test(pin)) return void (this.error = strings.teacher.badFormat);
    await attemptInForm(this, async () => {
      this.unlocked = await this.api['teacher:unlock']({ pin });
    });
  }

  async lock(): Promise<void> {
    const session = this.unlocked;
    this.unlocked = null;
    if (session) await this.api['teacher:lock']({ teacherToken: session.teacherToken }).catch(() => null);
  }
}
