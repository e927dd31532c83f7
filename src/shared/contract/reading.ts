// A learner reading a lesson: look-ups, word statuses, position, time read, and their reader settings.
import * as v from 'valibot';
import { WORD_STATUSES, type WordStatus } from '../types';
import { returns, type Table } from './call';
import { Count, Id, Language, LessonId } from './fields';

export const THEMES = ['light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

export const SettingsSchema = v.strictObject({
  theme: v.picklist(THEMES),
  fontSize: v.pipe(v.number(), v.integer(), v.minValue(14), v.maxValue(36)),
  lineHeight: v.pipe(v.number(), v.minValue(1.2), v.maxValue(2.4)),
  dyslexicFont: v.boolean(),
  /** Glosses printed under the words: none, every word, or only words not known. */
  interlinear: v.picklist(['off', 'all', 'unknown']),
  speech: v.boolean(),
  /** The interface language this learner chose; absent: the computer's. */
  language: v.optional(Language),
});

export type ReaderSettings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: ReaderSettings = {
  theme: 'light',
  fontSize: 20,
  lineHeight: 1.7,
  dyslexicFont: false,
  interlinear: 'off',
  speech: true,
};

export interface ReadingState {
  /** Status by lemma, only for lemmas that are not "new". */
  statuses: Record<string, WordStatus>;
  position: { paragraph: number; token: number } | null;
  secondsRead: number;
  lookups: number;
}

/** Words one batch of statuses may change: more than a page has (about 400 words), far less than a book. */
export const MAX_STATUS_BATCH = 2000;

export const readingCalls = {
  'reading:state': returns<ReadingState>()(v.strictObject({ learnerId: Id, lessonId: LessonId })),
  'reading:lookup': returns<{ lookups: number }>()(v.strictObject({ learnerId: Id, lessonId: LessonId, token: Count, paragraph: Count })),
  'reading:setStatus': returns<{ lemma: string; status: WordStatus }>()(
    v.strictObject({ learnerId: Id, lessonId: LessonId, token: Count, status: v.picklist(WORD_STATUSES) }),
  ),
  /** Several words at once ("mark the rest of this page as known" and its undo): one transaction, all or nothing. */
  'reading:setStatuses': returns<{ statuses: { lemma: string; status: WordStatus }[] }>()(
    v.strictObject({
      learnerId: Id,
      lessonId: LessonId,
      tokens: v.pipe(v.array(Count), v.minLength(1), v.maxLength(MAX_STATUS_BATCH)),
      status: v.picklist(WORD_STATUSES),
    }),
  ),
  'reading:savePosition': returns<null>()(v.strictObject({ learnerId: Id, lessonId: LessonId, paragraph: Count, token: Count })),
  'reading:addTime': returns<{ secondsRead: number }>()(
    v.strictObject({ learnerId: Id, lessonId: LessonId, seconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3600)) }),
  ),
  'settings:get': returns<ReaderSettings>()(v.strictObject({ learnerId: Id })),
  'settings:set': returns<ReaderSettings>()(v.strictObject({ learnerId: Id, settings: SettingsSchema })),
} satisfies Table;
