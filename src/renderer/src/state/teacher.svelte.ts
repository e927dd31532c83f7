// The teacher area: whether a PIN is set and the unlock it gives (kept in memory only). What the area shows is the
// reports' (reports.svelte.ts): one source of numbers.
import { api as appApi } from '../lib/api';
import { attemptInForm } from '../lib/attempt';
import type { Api } from '../../../shared/contract';
import { NEW_PIN_FORMAT, PIN_FORMAT, type TeacherSession } from '../../../shared/contract/teacher';
import type { InterfaceLanguage } from '../../../shared/contract/fields';
import { strings } from '../strings';
import { PinWait } from './pin-wait.svelte';
import { session as appSession, type SessionState } from './session.svelte';

export class TeacherState {
  pinSet = $state<boolean | null>(null);
  unlocked = $state<TeacherSession | null>(null);
  /** A refusal worded for the teacher, shown by the PIN form. */
  error = $state<string | null>(null);
  busy = $state(false);
  /** While wrong PINs keep the area locked; the refusal it showed goes once the wait is over. */
  private readonly wait = new PinWait(() => (this.error = null));
  /** A recovery code just made: shown once, until the teacher says it is written down. */
  recoveryCode = $state<string | null>(null);
  recoveryCodeSet = $state(true);
  /** The PIN that opened the area has fewer digits than a new one must have. */
  shortPin = $state(false);
  /** A PIN set before 6 digits and recovery codes: the area asks for a new one. */
  readonly suggestChange = $derived(this.shortPin || !this.recoveryCodeSet);
  /** Said once the PIN is changed. */
  changed = $state(false);

  constructor(
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {}

  /** Whole seconds before the next try, counted down every second; 0 once trying is allowed. */
  get secondsLeft(): number {
    return this.wait.secondsLeft;
  }

  /** This computer's interface language: the teacher area and its exports, and learners who have not chosen one. */
  async setLanguage(language: InterfaceLanguage): Promise<void> {
    const unlocked = this.unlocked;
    if (!unlocked) return;
    await attemptInForm(this, async () => {
      await this.api['teacher:setLanguage']({ teacherToken: unlocked.teacherToken, language });
      this.session.computerLanguage = language;
    });
  }

  async load(): Promise<void> {
    await attemptInForm(this, async () => {
      const status = await this.api['teacher:status']();
      this.pinSet = status.pinSet;
      this.recoveryCodeSet = status.recoveryCodeSet;
      this.wait.start(status.lockedUntil);
    });
  }

  async setPin(pin: string, again: string): Promise<void> {
    if (!NEW_PIN_FORMAT.test(pin)) return void (this.error = strings.teacher.badFormat);
    if (pin !== again) return void (this.error = strings.teacher.mismatch);
    await attemptInForm(this, async () => {
      const opened = await this.api['teacher:setPin']({ pin });
      this.unlocked = opened;
      this.recoveryCode = opened.recoveryCode;
      this.recoveryCodeSet = true;
      this.pinSet = true;
    });
  }

  async recover(code: string): Promise<void> {
    if (code.trim() === '') return void (this.error = strings.teacher.recoveryNeeded);
    await attemptInForm(this, async () => {
      const opened = await this.api['teacher:recover']({ recoveryCode: code });
      this.unlocked = opened;
      this.recoveryCode = opened.recoveryCode;
      this.wait.start(null);
    });
  }

  /** Returns whether the PIN was changed. */
  async changePin(pin: string, again: string): Promise<boolean> {
    const session = this.unlocked;
    this.changed = false;
    if (!session) return false;
    if (!NEW_PIN_FORMAT.test(pin) || pin !== again) {
      this.error = NEW_PIN_FORMAT.test(pin) ? strings.teacher.mismatch : strings.teacher.badFormat;
      return false;
    }
    await attemptInForm(this, async () => {
      this.recoveryCode = (await this.api['teacher:changePin']({ teacherToken: session.teacherToken, pin })).recoveryCode;
      this.recoveryCodeSet = true;
      this.shortPin = false;
      this.changed = true;
    });
    return this.changed;
  }

  dismissRecoveryCode(): void {
    this.recoveryCode = null;
  }

  async unlock(pin: string): Promise<void> {
    if (!PIN_FORMAT.test(pin)) return void (this.error = strings.teacher.badTry);
    await attemptInForm(this, async () => {
      try {
        this.unlocked = await this.api['teacher:unlock']({ pin });
      } catch (error) {
        // A wrong PIN may have started a wait: learn its end, to count it down.
        this.wait.start((await this.api['teacher:status']()).lockedUntil);
        throw error;
      }
      this.wait.start(null);
      this.shortPin = !NEW_PIN_FORMAT.test(pin);
    });
  }

  /** Stops the countdown's timer (the screen is leaving). */
  dispose(): void {
    this.wait.stop();
  }

  async lock(): Promise<void> {
    const session = this.unlocked;
    this.unlocked = null;
    this.recoveryCode = null;
    if (session) await this.api['teacher:lock']({ teacherToken: session.teacherToken }).catch(() => null);
  }
}
