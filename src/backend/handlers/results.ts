import type { HandlersOf } from '../../shared/contract/call';
import type { resultCalls } from '../../shared/contract/results';
import type { Services } from './services';

export function resultHandlers({ reports }: Services): HandlersOf<typeof resultCalls> {
  return {
    'results:export': ({ learnerId }) => reports.exportResults(learnerId),
    'results:exportStatements': ({ learnerId }) => reports.exportStatements(learnerId),
    'results:import': ({ fileName, content, sameName }) => reports.importResults(fileName, content, sameName),
  };
}
