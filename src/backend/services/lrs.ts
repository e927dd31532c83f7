// The teacher's side of the school's LRS: its settings (the secret in its own file), the connection test, the
// outbox as counts and problems (as facts the renderer words), and a sync on demand.
import type { LrsQueue, LrsSettings, LrsTestResult } from '../../shared/contract/lrs';
import { AppError } from '../../shared/errors';
import type { XapiRepository } from '../db/repositories/xapi';
import type { LrsClient, LrsConnection } from '../xapi/lrs-client';
import type { SecretStore } from '../xapi/secret-store';
import type { XapiSync } from '../xapi/sync';

const PROBLEMS_SHOWN = 20;

export class LrsService {
  constructor(
    private readonly outbox: XapiRepository,
    private readonly secrets: SecretStore,
    private readonly client: LrsClient,
    private readonly sync: XapiSync,
    private readonly now: () => Date,
  ) {}

  /** Where statements go, or null while no LRS is set (they wait in the outbox). */
  connection(): LrsConnection | null {
    const settings = this.outbox.settings();
    const secret = settings && this.secrets.load();
    return settings && secret !== null && secret !== undefined ? { endpoint: settings.endpoint, username: settings.username, secret } : null;
  }

  settings(): LrsSettings {
    const saved = this.outbox.settings();
    return {
      endpoint: saved?.endpoint ?? '',
      username: saved?.username ?? '',
      namesShown: saved?.namesShown ?? false,
      secretSet: this.secrets.load() !== null,
      secretStorage: this.secrets.encrypted ? 'encrypted' : 'file',
    };
  }

  save(input: { endpoint: string; username: string; secret?: string | undefined; namesShown: boolean }): LrsSettings {
    if (input.secret === undefined && this.secrets.load() === null) throw AppError.because('invalid_input', 'lrsSecretNeeded');
    // The secret first: settings saved without it would point at an LRS Liseuse cannot sign in to.
    if (input.secret !== undefined) this.secrets.save(input.secret);
    this.outbox.saveSettings({ endpoint: input.endpoint, username: input.username, namesShown: input.namesShown }, this.now().toISOString());
    this.sync.resume();
    return this.settings();
  }

  forget(): LrsSettings {
    this.outbox.forgetSettings();
    this.secrets.clear();
    return this.settings();
  }

  async test(): Promise<LrsTestResult> {
    const connection = this.connection();
    if (!connection) throw AppError.because('invalid_input', 'lrsNotSet');
    const reply = await this.client.test(connection);
    if (!reply.ok) {
      const { kind, status, reason } = reply.failure;
      return { ok: false, versions: [], failure: { kind, status, reason } };
    }
    return { ok: true, versions: reply.value.versions, failure: null };
  }

  queue(): LrsQueue {
    const counts = this.outbox.counts();
    return {
      configured: this.connection() !== null,
      ...counts,
      lastSyncAt: this.sync.lastSyncAt,
      problems: this.outbox.problems(PROBLEMS_SHOWN).map((p) => ({ statementId: p.id, verb: p.verb, error: p.error, state: p.status === 'failed' ? 'failed' : 'retrying' })),
    };
  }

  async syncNow(): Promise<LrsQueue> {
    if (!this.connection()) throw AppError.because('invalid_input', 'lrsNotSet');
    await this.sync.syncOnce(true);
    return this.queue();
  }
}
