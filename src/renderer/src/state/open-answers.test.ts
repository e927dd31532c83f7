// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { OpenAnswer, OpenAnswers } from '../../../shared/contract/open-answers';
import { fakeApi, refused } from './fake-api';
import { OpenAnswersState } from './open-answers.svelte';
import { SessionState } from './session.svelte';

const answer = (answerId: string, name: string, grade: OpenAnswer['grade'] = null): OpenAnswer => ({
  answerId,
  learner: { id: `l-${answerId}`, name },
  questionId: 'summary-summit',
  lessonVersion: 1,
  text: 'Kim et Poutine se sont rencontrés à Vostochni.',
  answeredAt: '2026-12-01T10:00:00.000Z',
  grade,
});
const list = (answers: OpenAnswer[]): OpenAnswers => ({
  lessonId: 'kim-russie',
  questions: [{ id: 'summary-summit', lessonVersion: 1, number: 24, prompt: 'Résumez le paragraphe 6.', promptLang: 'fr', answerLang: 'fr', guidance: 'Who, where, what was said.' }],
  answers,
});

describe('grading open answers', () => {
  it('lists the answers with drafts from their grades, and counts those awaiting the teacher', async () => {
    const fake = fakeApi({ 'openAnswers:list': async () => list([answer('a1', 'Amélie'), answer('a2', 'Bruno', { score: 0.5, comment: 'Le lieu ?', gradedAt: '2026-12-01T11:00:00.000Z' })]) });
    const grading = new OpenAnswersState('tok-1', fake.api, new SessionState(fake.api));
    await grading.load('kim-russie');
    expect(fake.inputsOf('openAnswers:list')).toEqual([{ teacherToken: 'tok-1', lessonId: 'kim-russie' }]);
    expect(grading.awaiting).toBe(1);
    expect(grading.answersTo({ id: 'summary-summit', lessonVersion: 1 }).map((a) => a.learner.name)).toEqual(['Amélie', 'Bruno']);
    expect(grading.drafts).toEqual({ a1: { score: null, comment: '' }, a2: { score: 0.5, comment: 'Le lieu ?' } });
  });

  it('saves a grade, shows it in place and says so; a grade with no score is not sent', async () => {
    const graded = answer('a1', 'Amélie', { score: 0.75, comment: 'Bien.', gradedAt: '2026-12-01T12:00:00.000Z' });
    const fake = fakeApi({ 'openAnswers:list': async () => list([answer('a1', 'Amélie')]), 'openAnswers:grade': async () => graded });
    const grading = new OpenAnswersState('tok-1', fake.api, new SessionState(fake.api));
    await grading.load('kim-russie');

    await grading.grade('a1');
    expect(grading.errors.a1).toBe('Choose a score first.');
    expect(fake.inputsOf('openAnswers:grade')).toEqual([]);

    grading.drafts.a1 = { score: 0.75, comment: 'Bien.' };
    await grading.grade('a1');
    expect(fake.inputsOf('openAnswers:grade')).toEqual([{ teacherToken: 'tok-1', answerId: 'a1', score: 0.75, comment: 'Bien.' }]);
    expect(grading.errors.a1).toBeUndefined();
    expect(grading.awaiting).toBe(0);
    expect(grading.data?.answers[0]?.grade).toMatchObject({ score: 0.75, comment: 'Bien.' });
    expect(grading.status).toBe('Grade saved for Amélie.');
  });

  it('keeps the draft and says why when the backend refuses the grade', async () => {
    const fake = fakeApi({
      'openAnswers:list': async () => list([answer('a1', 'Amélie')]),
      'openAnswers:grade': refused('unauthorized', 'The teacher area is locked. Enter the teacher PIN again.'),
    });
    const grading = new OpenAnswersState('tok-1', fake.api, new SessionState(fake.api));
    await grading.load('kim-russie');
    grading.drafts.a1 = { score: 1, comment: 'Parfait.' };
    await grading.grade('a1');
    expect(grading.errors.a1).toBe('The teacher area is locked. Enter the teacher PIN again.');
    expect(grading.drafts.a1).toEqual({ score: 1, comment: 'Parfait.' });
    expect(grading.data?.answers[0]?.grade).toBeNull();
    expect(grading.saving).toBe('');
  });

  it('lists each answer under the question its own version asked, and says versions only when there are several', async () => {
    const older = { ...answer('a1', 'Amélie'), lessonVersion: 1 };
    const newer = { ...answer('a2', 'Bruno'), lessonVersion: 2 };
    const question = (lessonVersion: number, prompt: string) => ({ id: 'summary-summit', lessonVersion, number: 1, prompt, promptLang: 'fr' as const, answerLang: 'fr' as const, guidance: null });
    const data: OpenAnswers = { lessonId: 'kim-russie', questions: [question(2, 'Nouveau.'), question(1, 'Ancien.')], answers: [older, newer] };
    const fake = fakeApi({ 'openAnswers:list': async () => data });
    const grading = new OpenAnswersState('tok-1', fake.api, new SessionState(fake.api));
    await grading.load('kim-russie');
    expect(grading.severalVersions).toBe(true);
    expect(grading.answersTo({ id: 'summary-summit', lessonVersion: 1 }).map((a) => a.learner.name)).toEqual(['Amélie']);
    expect(grading.answersTo({ id: 'summary-summit', lessonVersion: 2 }).map((a) => a.learner.name)).toEqual(['Bruno']);

    const single = new OpenAnswersState('tok-1', fakeApi({ 'openAnswers:list': async () => list([answer('a1', 'Amélie')]) }).api, new SessionState(fake.api));
    await single.load('kim-russie');
    expect(single.severalVersions).toBe(false);
  });
});
