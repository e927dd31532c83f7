// The teacher area: whether a PIN is set, the unlock it gives (kept in memory only), and what the area shows.
import { api as appApi } from '../lib/api';
import { attemptInForm } from '../lib/attempt';
import type { Api } from '../../../shared/contract';
import { PIN_FORMAT, type TeacherOverview, type TeacherSession } from '../../../shared/contract/teacher';
import { strings } from '../strings';

export class TeacherState {
  pinSet = $state<boolean | null>(null);
  unlocked = $state<TeacherSession | null>(null);
  overview = $state<TeacherOverview | null>(null);
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
      await this.refresh();
    });
  }

  async unlock(pin: string): Promise<void> {
    if (!PIN_FORMAT.test(pin)) return void (this.error = strings.teacher.badFormat);
    await attemptInForm(this, async () => {
      this.unlocked = await this.api['teacher:unlock']({ pin });
      await this.refresh();
    });
  }

  async refresh(): Promise<void> {
    const session = this.unlocked;
    if (!session) return;
    try {
      this.overview = await this.api['teacher:overview']({ teacherToken: session.teacherToken });
    } catch (error) {
      // Expired while open: back to the PIN form.
      this.unlocked = null;
      this.overview = null;
      throw error;
    }
  }

  async lock(): Promise<void> {
    const session = this.unlocked;
    this.unlocked = null;
    this.overview = null;
    if (session) await this.api['teacher:lock']({ teacherToken: session.teacherToken }).catch(() => null);
  }
}
