// createBackend's reading calls (look-ups, word statuses, position, time) on the tiny "chat" lesson, and reader settings.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ReaderSettings, type ReadingState } from '../shared/contract/reading';
import type { Learner, LessonView } from '../shared/types';
import type { Backend } from './backend';
import { unpackLesson, type LessonWire } from '../shared/lesson-wire';
import { chatFiles, errorOf, NOBODY, useBackend, value, writeLesson } from '../../test/support/backend';

describe('createBackend', () => {
  const fixture = useBackend();
  const { start } = fixture;

  describe('reading', () => {
    let backend: Backend;
    let ana: Learner;
    let lesson: LessonView;
    const tokensOf = (lemma: string): number[] =>
      lesson.paragraphs.flatMap((p) => p.tokens).filter((t) => t.gloss?.lemma === lemma).map((t) => t.i);
    const paragraphOf = (token: number): number => lesson.paragraphs.findIndex((p) => p.tokens.some((t) => t.i === token));
    const state = async (learnerId = ana.id): Promise<ReadingState> =>
      value<ReadingState>(await backend.call('reading:state', { learnerId, lessonId: 'chat' }));

    beforeEach(async () => {
      writeLesson(fixture.lessonsDir, 'chat', chatFiles());
      backend = start(fixture.lessonsDir);
      ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
      lesson = unpackLesson(value<LessonWire>(await backend.call('lessons:get', { lessonId: 'chat' })));
    });

    it('the fixture lesson loads with its two paragraphs and nine words', () => {
      expect(lesson.paragraphCount).toBe(2);
      expect(lesson.wordCount).toBe(9);
      expect(tokensOf('dormir')).toHaveLength(2);
      expect(tokensOf('chat')).toHaveLength(2);
    });

    it('a new reader has an empty state', async () => {
      expect(await state()).toEqual({ statuses: {}, position: null, secondsRead: 0, lookups: 0 });
    });

    it('look-ups are counted per learner and lesson', async () => {
      const [chat] = tokensOf('chat');
      const [, dort] = tokensOf('dormir');
      expect(value(await backend.call('reading:lookup', { learnerId: ana.id, lessonId: 'chat', token: chat, paragraph: 0 }))).toEqual({ lookups: 1 });
      expect(value(await backend.call('reading:lookup', { learnerId: ana.id, lessonId: 'chat', token: chat, paragraph: 0 }))).toEqual({ lookups: 2 });
      expect(value(await backend.call('reading:lookup', { learnerId: ana.id, lessonId: 'chat', token: dort, paragraph: 1 }))).toEqual({ lookups: 3 });
      expect((await state()).lookups).toBe(3);
      const bruno = value<Learner>(await backend.call('learners:create', { name: 'Bruno' }));
      expect((await state(bruno.id)).lookups).toBe(0);
    });

    it('a look-up with the wrong paragraph, on punctuation or past the end is refused', async () => {
      const [, dort] = tokensOf('dormir');
      const lookup = (token: number, paragraph: number) => backend.call('reading:lookup', { learnerId: ana.id, lessonId: 'chat', token, paragraph });
      expect(paragraphOf(dort as number)).toBe(1);
      expect(errorOf(await lookup(dort as number, 0)).code).toBe('invalid_input');
      const full = lesson.paragraphs[0]?.tokens.find((t) => t.kind === 'punct');
      expect(errorOf(await lookup(full?.i as number, 0)).code).toBe('not_found');
      expect(errorOf(await lookup(999, 0)).code).toBe('not_found');
      expect((await state()).lookups).toBe(0);
    });

    it('setStatus keys the status by lemma, so it covers every form of that lemma', async () => {
      const [first, second] = tokensOf('dormir') as [number, number];
      expect(value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: first, status: 'learning' }))).toEqual({
        lemma: 'dormir',
        status: 'learning',
      });
      expect((await state()).statuses).toEqual({ dormir: 'learning' });
      // Marking the other occurrence changes the same entry, not a second one.
      value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: second, status: 'known' }));
      const { statuses } = await state();
      expect(statuses).toEqual({ dormir: 'known' });
      for (const token of tokensOf('dormir')) {
        const lemma = lesson.paragraphs.flatMap((p) => p.tokens).find((t) => t.i === token)?.gloss?.lemma ?? '';
        expect(statuses[lemma]).toBe('known');
      }
    });

    it('a capitalised form ("Le") shares its status with the lower-case one ("le")', async () => {
      const [capital] = tokensOf('le');
      expect(lesson.text.slice(lesson.paragraphs[0]?.tokens[0]?.start, lesson.paragraphs[0]?.tokens[0]?.end)).toBe('Le');
      value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: capital, status: 'known' }));
      expect((await state()).statuses).toEqual({ le: 'known' });
    });

    it('setting a word back to "new" removes it from the statuses', async () => {
      const [chat] = tokensOf('chat');
      value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: chat, status: 'known' }));
      value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: chat, status: 'new' }));
      expect((await state()).statuses).toEqual({});
    });

    it('setStatuses gives several words one status in one call, and takes them back to new the same way', async () => {
      const [chat] = tokensOf('chat');
      const [dort] = tokensOf('dormir');
      const [le] = tokensOf('le');
      const tokens = [chat, dort, le] as number[];
      expect(value(await backend.call('reading:setStatuses', { learnerId: ana.id, lessonId: 'chat', tokens, status: 'known' }))).toEqual({
        statuses: [
          { lemma: 'chat', status: 'known' },
          { lemma: 'dormir', status: 'known' },
          { lemma: 'le', status: 'known' },
        ],
      });
      expect((await state()).statuses).toEqual({ chat: 'known', dormir: 'known', le: 'known' });
      value(await backend.call('reading:setStatuses', { learnerId: ana.id, lessonId: 'chat', tokens, status: 'new' }));
      expect((await state()).statuses).toEqual({});
    });

    it('setStatuses with one word that is not a word of the lesson changes none of them', async () => {
      const [chat] = tokensOf('chat');
      const punct = lesson.paragraphs[0]?.tokens.find((t) => t.kind === 'punct')?.i as number;
      const reply = await backend.call('reading:setStatuses', { learnerId: ana.id, lessonId: 'chat', tokens: [chat as number, punct], status: 'known' });
      expect(errorOf(reply).code).toBe('not_found');
      expect((await state()).statuses).toEqual({});
      expect(errorOf(await backend.call('reading:setStatuses', { learnerId: ana.id, lessonId: 'chat', tokens: [], status: 'known' })).code).toBe('invalid_input');
    });

    it('position and reading time are saved, added up, and survive a restart', async () => {
      expect(value(await backend.call('reading:savePosition', { learnerId: ana.id, lessonId: 'chat', paragraph: 1, token: 9 }))).toBeNull();
      expect(value(await backend.call('reading:addTime', { learnerId: ana.id, lessonId: 'chat', seconds: 30 }))).toEqual({ secondsRead: 30 });
      expect(value(await backend.call('reading:addTime', { learnerId: ana.id, lessonId: 'chat', seconds: 15 }))).toEqual({ secondsRead: 45 });
      value(await backend.call('reading:savePosition', { learnerId: ana.id, lessonId: 'chat', paragraph: 1, token: 10 }));
      backend.close();
      backend = start(fixture.lessonsDir);
      expect(await state()).toEqual({ statuses: {}, position: { paragraph: 1, token: 10 }, secondsRead: 45, lookups: 0 });
    });

    it('a position outside the lesson is refused', async () => {
      expect(errorOf(await backend.call('reading:savePosition', { learnerId: ana.id, lessonId: 'chat', paragraph: 2, token: 0 })).code).toBe('invalid_input');
      expect(errorOf(await backend.call('reading:savePosition', { learnerId: ana.id, lessonId: 'chat', paragraph: 0, token: 12 })).code).toBe('invalid_input');
      expect((await state()).position).toBeNull();
    });

    it('reading calls for an unknown learner or lesson give not_found', async () => {
      expect(errorOf(await backend.call('reading:state', { learnerId: NOBODY, lessonId: 'chat' })).code).toBe('not_found');
      expect(errorOf(await backend.call('reading:state', { learnerId: ana.id, lessonId: 'no-such-lesson' })).code).toBe('not_found');
      expect(errorOf(await backend.call('reading:addTime', { learnerId: ana.id, lessonId: 'no-such-lesson', seconds: 5 })).code).toBe('not_found');
      expect(errorOf(await backend.call('reading:setStatus', { learnerId: NOBODY, lessonId: 'chat', token: 1, status: 'known' })).code).toBe('not_found');
      expect(errorOf(await backend.call('lessons:get', { lessonId: 'no-such-lesson' })).code).toBe('not_found');
    });
  });

  describe('settings', () => {
    it('are the defaults at first, and what was set after a restart', async () => {
      const first = start();
      const ana = value<Learner>(await first.call('learners:create', { name: 'Ana' }));
      expect(value(await first.call('settings:get', { learnerId: ana.id }))).toEqual(DEFAULT_SETTINGS);
      const chosen: ReaderSettings = { theme: 'sepia', fontSize: 28, lineHeight: 2, dyslexicFont: true, interlinear: 'unknown', speech: false };
      expect(value(await first.call('settings:set', { learnerId: ana.id, settings: chosen }))).toEqual(chosen);
      first.close();
      const second = start();
      expect(value(await second.call('settings:get', { learnerId: ana.id }))).toEqual(chosen);
    });

    it('belong to one learner', async () => {
      const backend = start();
      const ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
      const bruno = value<Learner>(await backend.call('learners:create', { name: 'Bruno' }));
      value(await backend.call('settings:set', { learnerId: ana.id, settings: { ...DEFAULT_SETTINGS, theme: 'dark' } }));
      expect(value(await backend.call('settings:get', { learnerId: bruno.id }))).toEqual(DEFAULT_SETTINGS);
    });

    it('for an unknown learner give not_found', async () => {
      const backend = start();
      expect(errorOf(await backend.call('settings:get', { learnerId: NOBODY })).code).toBe('not_found');
      expect(errorOf(await backend.call('settings:set', { learnerId: NOBODY, settings: DEFAULT_SETTINGS })).code).toBe('not_found');
    });
  });
});
