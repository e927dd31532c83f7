// One learner's progress page: everything is added up by the backend in one call.
import { api } from '../lib/api';
import type { LearnerProgress } from '../../../shared/contract/progress';
import { session } from './session.svelte';

export class ProgressState {
  data = $state<LearnerProgress | null>(null);

  constructor(readonly learnerId: string) {}

  async load(): Promise<void> {
    await session.guard(async () => {
      this.data = await api['progress:get']({ learnerId: this.learnerId });
    });
  }
}
