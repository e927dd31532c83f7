// One learner's progress page: everything is added up by the backend in one call.
import { api as appApi } from '../lib/api';
import type { Api } from '../../../shared/contract';
import type { LearnerProgress } from '../../../shared/contract/progress';
import { session as appSession, type SessionState } from './session.svelte';

export class ProgressState {
  data = $state<LearnerProgress | null>(null);

  constructor(
    readonly learnerId: string,
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {}

  async load(): Promise<void> {
    await this.session.guard(async () => {
      this.data = await this.api['progress:get']({ learnerId: this.learnerId });
    });
  }
}
