import { describe, expect, it } from 'vitest';
import type { Question } from '../quiz';
import { answeredStatement, attemptStatements, isoDuration, lookedUpStatement, readStatement, statusStatement, voidedStatement } from './statements';
import { interactionDefinition, interactionResponse } from './interactions';
import { EXTENSIONS, lessonIri, VERBS } from './profile';

const evidence = { paragraph: 1, quote: 'x', start: 0, end: 1, sentence: { start: 0, end: 1, index: 0 } };
const base = { prompt: 'Qui ?', promptLang: 'fr', explanation: '', explanationLang: 'en', evidence, skill: 'detail' } as const;
const options = [
  { id: 'a', text: 'Kim' },
  { id: 'b', text: 'Poutine' },
  { id: 'c', text: 'Xi' },
];
const q = (extra: object): Question => ({ ...base, id: 'q1', ...extra }) as unknown as Question;
const lesson = { id: 'kim-russie', title: 'Kim en Russie' };
const learner = { id: '0b7e1f5c-3d0e-4a57-9a83-7a1f2a64c001' };
const at = '2026-12-01T10:00:00.000Z';
const event = { id: '7c1f0000-0000-4000-8000-000000000001', at, learner, lesson };
const attemptId = '7c1f0000-0000-4000-8000-0000000000aa';

describe('interactions', () => {
  it('maps every question type to the xAPI interaction type with its correct-responses pattern', () => {
    const cases: [Question, string, string[] | undefined][] = [
      [q({ type: 'single', options, optionLang: 'fr', correct: 'b' }), 'choice', ['b']],
      [q({ type: 'multiple', options, optionLang: 'fr', correct: ['a', 'c'] }), 'choice', ['a[,]c']],
      [q({ type: 'true-false', correct: false }), 'true-false', ['false']],
      [q({ type: 'short-answer', accepted: ['Vladivostok', 'à Vladivostok'], accentsMatter: false, answerLang: 'fr' }), 'fill-in', ['{case_matters=false}Vladivostok', '{case_matters=false}à Vladivostok']],
      [q({ type: 'cloze', mode: 'typed', accepted: ['train'], accentsMatter: false }), 'fill-in', ['{case_matters=false}train']],
      [q({ type: 'cloze', mode: 'choice', options, optionLang: 'fr', correct: 'a' }), 'choice', ['a']],
      [q({ type: 'matching', pairs: [{ id: 'p1', left: 'train', right: 'rail' }, { id: 'p2', left: 'avion', right: 'air' }], leftLang: 'fr', rightLang: 'en' }), 'matching', ['p1[.]p1[,]p2[.]p2']],
      [q({ type: 'ordering', items: [{ id: 'i1', text: 'départ' }, { id: 'i2', text: 'arrivée' }], itemLang: 'fr' }), 'sequencing', ['i1[,]i2']],
      [q({ type: 'open', answerLang: 'fr' }), 'long-fill-in', undefined],
    ];
    for (const [question, type, pattern] of cases) {
      const definition = interactionDefinition(question);
      expect(definition.interactionType).toBe(type);
      expect(definition.correctResponsesPattern).toEqual(pattern);
    }
  });

  it('writes responses in the formats of the spec', () => {
    expect(interactionResponse({ type: 'multiple', choices: ['a', 'c'] })).toBe('a[,]c');
    expect(interactionResponse({ type: 'matching', pairs: { p1: 'p2', p2: 'p1' } })).toBe('p1[.]p2[,]p2[.]p1');
    expect(interactionResponse({ type: 'ordering', order: ['i2', 'i1'] })).toBe('i2[,]i1');
    expect(interactionResponse({ type: 'true-false', value: true })).toBe('true');
    expect(interactionResponse({ type: 'cloze', mode: 'typed', text: 'trian' })).toBe('trian');
  });
});

describe('statements', () => {
  it('an answer: the learner by opaque account, the attempt as registration, the lesson as parent, score and success', () => {
    const s = answeredStatement({ ...event, attemptId, kind: 'comprehension', question: q({ type: 'multiple', options, optionLang: 'fr', correct: ['a', 'c'] }), answer: { type: 'multiple', choices: ['a'] }, grade: { score: 0.5, verdict: 'partial' }, timeMs: 12_340 });
    expect(s.id).toBe(event.id);
    expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://liseuse.app', name: learner.id } });
    expect(s.verb.id).toBe(VERBS.answered.id);
    expect(s.object).toMatchObject({ id: 'https://liseuse.app/xapi/lessons/kim-russie/questions/q1' });
    expect(s.result).toMatchObject({ response: 'a', score: { scaled: 0.5, raw: 0.5, min: 0, max: 1 }, success: false, duration: 'PT12.34S' });
    expect(s.context?.registration).toBe(attemptId);
    expect(s.context?.contextActivities?.parent?.[0]?.id).toBe(lessonIri('kim-russie'));
    expect(s.timestamp).toBe(at);
  });

  it('an open answer awaiting the teacher has a response but no score or success yet', () => {
    const s = answeredStatement({ ...event, attemptId, kind: 'comprehension', question: q({ type: 'open', answerLang: 'fr' }), answer: { type: 'open', text: 'Il part en train.' }, grade: { score: 0, verdict: 'awaiting' }, timeMs: 1000 });
    expect(s.result?.response).toBe('Il part en train.');
    expect(s.result?.score).toBeUndefined();
    expect(s.result?.success).toBeUndefined();
  });

  it('the learner name only when given', () => {
    const s = readStatement({ ...event, learner: { ...learner, name: 'Ana' }, seconds: 30, secondsRead: 90, position: { paragraph: 2, token: 40 } });
    expect(s.actor.name).toBe('Ana');
    expect(s.result?.duration).toBe('PT30S');
    expect(s.result?.extensions).toMatchObject({ [EXTENSIONS.secondsRead]: 90, [EXTENSIONS.paragraph]: 3, [EXTENSIONS.token]: 40 });
    expect(s.context?.contextActivities?.parent).toBeUndefined();
  });

  it('a finished attempt: completed, then passed or failed, with its duration', () => {
    const [completed, verdict] = attemptStatements({ ...event, attemptId, kind: 'vocabulary', score: 0.4, startedAt: '2026-12-01T09:58:30.000Z' }, '7c1f0000-0000-4000-8000-000000000002');
    expect(completed.verb.id).toBe(VERBS.completed.id);
    expect(completed.result?.duration).toBe('PT90S');
    expect(verdict.verb.id).toBe(VERBS.failed.id);
    expect(verdict.id).toBe('7c1f0000-0000-4000-8000-000000000002');
    expect(verdict.result?.success).toBe(false);
  });

  it('a look-up and a status carry the lemma, sense and 1-based paragraph', () => {
    const looked = lookedUpStatement({ ...event, lemma: 'agence', sense: 'agency', paragraph: 0, token: 3 });
    expect(looked.verb.id).toBe(VERBS.interacted.id);
    expect(looked.object).toMatchObject({ id: 'https://liseuse.app/xapi/words/agence' });
    expect(looked.result?.extensions).toEqual({ [EXTENSIONS.lemma]: 'agence', [EXTENSIONS.sense]: 'agency', [EXTENSIONS.paragraph]: 1, [EXTENSIONS.token]: 3 });
    expect(statusStatement({ ...event, lemma: 'agence', status: 'known', paragraph: 0, token: 3 }).result?.extensions).toMatchObject({ [EXTENSIONS.status]: 'known' });
  });

  it('a regrade voids the old statement by reference', () => {
    const s = voidedStatement({ id: event.id, at, voids: attemptId });
    expect(s.verb.id).toBe(VERBS.voided.id);
    expect(s.object).toEqual({ objectType: 'StatementRef', id: attemptId });
  });

  it('durations are ISO 8601', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(61_005)).toBe('PT61.01S');
  });
});
