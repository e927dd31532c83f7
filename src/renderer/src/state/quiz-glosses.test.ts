// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fakeApi, refused } from './fake-api';
import { QuizGlossesState } from './quiz-glosses.svelte';

const TOKEN = 't'.repeat(43);

describe('the teacher’s glosses beside the quiz', () => {
  it('shows each lesson’s choice and saves a change before showing it', async () => {
    const fake = fakeApi({
      'quiz:glossSettings': async () => [{ lessonId: 'kim-russie', comprehension: true, vocabulary: false }],
      'quiz:setGlosses': async () => null,
    });
    const glosses = new QuizGlossesState(TOKEN, fake.api);
    await glosses.load();
    expect(glosses.lessons).toEqual([{ lessonId: 'kim-russie', comprehension: true, vocabulary: false }]);
    await glosses.set('kim-russie', 'comprehension', false);
    expect(fake.inputsOf('quiz:setGlosses')).toEqual([{ teacherToken: TOKEN, lessonId: 'kim-russie', kind: 'comprehension', shown: false }]);
    expect(glosses.lessons).toEqual([{ lessonId: 'kim-russie', comprehension: false, vocabulary: false }]);
  });

  it('a refused change leaves the choice as it was and says why', async () => {
    const locked = 'The teacher area is locked. Enter the PIN again.';
    const fake = fakeApi({
      'quiz:glossSettings': async () => [{ lessonId: 'kim-russie', comprehension: true, vocabulary: false }],
      'quiz:setGlosses': refused('unauthorized', locked),
    });
    const glosses = new QuizGlossesState(TOKEN, fake.api);
    await glosses.load();
    await glosses.set('kim-russie', 'vocabulary', true);
    expect(glosses.lessons?.[0]?.vocabulary).toBe(false);
    expect(glosses.error).toBe(locked);
  });
});
