// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LearnerProgress } from '../../../shared/contract/progress';
import { fakeApi, refused } from './fake-api';
import { ProgressState } from './progress.svelte';
import { SessionState } from './session.svelte';

const progress: LearnerProgress = {
  learner: { id: 'l-1', name: 'Amélie', createdAt: '2026-11-30T09:00:00.000Z' },
  words: { lookedUp: 4, learning: 2, known: 1, due: 2, inReview: 3 },
  secondsRead: 600,
  attempts: [{ id: 'a-1', lessonId: 'kim-russie', lessonTitle: 'Kim Jong-un rentre de Russie', kind: 'comprehension', finishedAt: '2026-11-30T09:30:00.000Z', score: 0.87 }],
  trouble: [{ lessonId: 'kim-russie', lessonTitle: 'Kim Jong-un rentre de Russie', paragraph: 2, excerpt: 'Le dirigeant nord-coréen', lookups: 3, wrongAnswers: 1 }],
  teacherNotes: [],
};

describe('a learner’s progress page', () => {
  it('loads the learner’s progress in one call', async () => {
    const fake = fakeApi({ 'progress:get': async () => progress });
    const state = new ProgressState('l-1', fake.api, new SessionState(fake.api));
    expect(state.data).toBeNull();
    await state.load();
    expect(fake.inputsOf('progress:get')).toEqual([{ learnerId: 'l-1' }]);
    expect(state.data).toEqual(progress);
  });

  it('a learner deleted meanwhile: nothing to show, and the reason in the app’s alert', async () => {
    const fake = fakeApi({ 'progress:get': refused('not_found', 'This learner no longer exists.') });
    const app = new SessionState(fake.api);
    const state = new ProgressState('l-1', fake.api, app);
    await state.load();
    expect(state.data).toBeNull();
    expect(app.error).toBe('This learner no longer exists.');
  });
});
