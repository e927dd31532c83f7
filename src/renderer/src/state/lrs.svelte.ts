// The teacher's LRS panel: the settings form, the connection test and the outbox's queue.
import { api as appApi } from '../lib/api';
import { attemptInForm } from '../lib/attempt';
import type { Api } from '../../../shared/contract';
import type { LrsQueue, LrsSettings, LrsTestResult } from '../../../shared/contract/lrs';

export interface LrsForm {
  endpoint: string;
  username: string;
  /** '' keeps the secret saved before. */
  secret: string;
  namesShown: boolean;
}

export class LrsState {
  settings = $state<LrsSettings | null>(null);
  queue = $state<LrsQueue | null>(null);
  /** "Saved.", or the connection test's answer as facts (the panel words them in the language on screen). */
  notice = $state<{ kind: 'saved' } | { kind: 'tested'; result: LrsTestResult } | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);

  constructor(
    private readonly teacherToken: string,
    private readonly api: Api = appApi,
  ) {}

  async load(): Promise<void> {
    await attemptInForm(this, async () => {
      this.settings = await this.api['lrs:settings']({ teacherToken: this.teacherToken });
      this.queue = await this.api['lrs:queue']({ teacherToken: this.teacherToken });
    });
  }

  async save(form: LrsForm): Promise<boolean> {
    this.notice = null;
    const outcome = await attemptInForm(this, () =>
      this.api['lrs:save']({
        teacherToken: this.teacherToken,
        endpoint: form.endpoint,
        username: form.username,
        namesShown: form.namesShown,
        ...(form.secret ? { secret: form.secret } : {}),
      }),
    );
    if (!outcome.ok) return false;
    this.settings = outcome.value;
    this.notice = { kind: 'saved' };
    await this.refresh();
    return true;
  }

  async test(): Promise<void> {
    this.notice = null;
    const outcome = await attemptInForm(this, () => this.api['lrs:test']({ teacherToken: this.teacherToken }));
    if (outcome.ok) this.notice = { kind: 'tested', result: outcome.value };
  }

  async forget(): Promise<void> {
    this.notice = null;
    const outcome = await attemptInForm(this, () => this.api['lrs:forget']({ teacherToken: this.teacherToken }));
    if (outcome.ok) this.settings = outcome.value;
    await this.refresh();
  }

  async sendNow(): Promise<void> {
    const outcome = await attemptInForm(this, () => this.api['lrs:syncNow']({ teacherToken: this.teacherToken }));
    if (outcome.ok) this.queue = outcome.value;
  }

  async refresh(): Promise<void> {
    const outcome = await attemptInForm(this, () => this.api['lrs:queue']({ teacherToken: this.teacherToken }));
    if (outcome.ok) this.queue = outcome.value;
  }
}
