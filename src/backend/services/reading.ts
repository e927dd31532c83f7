import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { lemmaKey } from '../../core/lemma-key';
import { SettingsSchema } from '../../shared/contract/reading';
import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS, type ReaderSettings, type ReadingState } from '../../shared/contract/reading';
import type { WordStatus } from '../../shared/types';
import type { LearnerDatabase } from '../db/learner-database';
import type { ReadingRepository, SettingsRepository } from '../db/repositories/reading';
import type { LessonStore } from '../lesson-store';
import type { LearnerService } from './learners';
import type { XapiRecorder } from './xapi-recorder';

/** Told when a learner meets a word, so the word enters their review (ReviewService). */
export interface WordTracker {
  lookedUp(learnerId: string, lemma: string, source: { lessonId: string; token: number }): void;
  statusChanging(learnerId: string, lemma: string, source: { lessonId: string; token: number }, next: WordStatus): void;
}

export class ReadingService {
  constructor(
    private readonly db: LearnerDatabase,
    private readonly reading: ReadingRepository,
    private readonly settings: SettingsRepository,
    private readonly lessons: LessonStore,
    private readonly learners: LearnerService,
    private readonly now: () => Date,
    private readonly words?: WordTracker,
    /** Writes each event's xAPI statement in the event's own transaction. */
    private readonly xapi?: XapiRecorder,
  ) {}

  private glossed(lessonId: string, tokenIndex: number): { lemma: string; paragraph: number } {
    const token = this.lessons.get(lessonId).tokens[tokenIndex];
    if (!token?.gloss) throw AppError.because('not_found', 'notGlossedWord', { token: tokenIndex });
    return { lemma: lemmaKey(token.gloss.lemma), paragraph: token.paragraph };
  }

  state(learnerId: string, lessonId: string): ReadingState {
    this.learners.require(learnerId);
    this.lessons.get(lessonId);
    const progress = this.reading.progress(learnerId, lessonId);
    return {
      statuses: this.reading.statuses(learnerId),
      position: progress?.position ?? null,
      secondsRead: progress?.secondsRead ?? 0,
      lookups: this.reading.countLookups(learnerId, lessonId),
    };
  }

  lookup(learnerId: string, lessonId: string, token: number, paragraph: number): { lookups: number } {
    this.learners.require(learnerId);
    const word = this.glossed(lessonId, token);
    if (word.paragraph !== paragraph) throw AppError.because('invalid_input', 'wordNotInParagraph', { token, paragraph: paragraph + 1 });
    // The look-up and the review card it makes commit together: a crash between them would leave half a write.
    this.db.write(() => {
      const at = this.now().toISOString();
      const id = randomUUID();
      this.reading.addLookup({ id, learnerId, lessonId, token, paragraph, lemma: word.lemma, at });
      this.words?.lookedUp(learnerId, word.lemma, { lessonId, token });
      this.xapi?.lookedUp({ id, learnerId, lessonId, token, at });
    });
    return { lookups: this.reading.countLookups(learnerId, lessonId) };
  }

  setStatus(learnerId: string, lessonId: string, token: number, status: WordStatus): { lemma: string; status: WordStatus } {
    const [saved] = this.setStatuses(learnerId, lessonId, [token], status).statuses;
    return saved!;
  }

  /** Gives every word of `tokens` the same status in one transaction: every token is checked before any is written. */
  setStatuses(learnerId: string, lessonId: string, tokens: number[], status: WordStatus): { statuses: { lemma: string; status: WordStatus }[] } {
    this.learners.require(learnerId);
    const words = tokens.map((token) => ({ token, lemma: this.glossed(lessonId, token).lemma }));
    const at = this.now().toISOString();
    this.db.write(() => {
      for (const { token, lemma } of words) {
        this.words?.statusChanging(learnerId, lemma, { lessonId, token }, status);
        const id = randomUUID();
        this.reading.setStatus({ id, learnerId, lessonId, token, lemma, status, at });
        this.xapi?.statusChanged({ id, learnerId, lessonId, token, status, at });
      }
    });
    return { statuses: words.map(({ lemma }) => ({ lemma, status })) };
  }

  savePosition(learnerId: string, lessonId: string, paragraph: number, token: number): null {
    this.learners.require(learnerId);
    const lesson = this.lessons.get(lessonId);
    if (paragraph >= lesson.paragraphs.length || token >= lesson.tokens.length) {
      throw AppError.because('invalid_input', 'positionOutside');
    }
    this.reading.savePosition(learnerId, lessonId, paragraph, token, this.now().toISOString());
    return null;
  }

  addTime(learnerId: string, lessonId: string, seconds: number): { secondsRead: number } {
    this.learners.require(learnerId);
    this.lessons.get(lessonId);
    const at = this.now().toISOString();
    return this.db.write(() => {
      const secondsRead = this.reading.addTime(learnerId, lessonId, seconds, at);
      this.xapi?.read({ learnerId, lessonId, seconds, secondsRead, position: this.reading.progress(learnerId, lessonId)?.position ?? null, at });
      return { secondsRead };
    });
  }

  getSettings(learnerId: string): ReaderSettings {
    this.learners.require(learnerId);
    // Settings saved by an older version may lack newer fields: fill them from the defaults.
    const saved = v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, ...(this.settings.get(learnerId) as object | undefined) });
    return saved.success ? saved.output : { ...DEFAULT_SETTINGS };
  }

  setSettings(learnerId: string, settings: ReaderSettings): ReaderSettings {
    this.learners.require(learnerId);
    this.settings.set(learnerId, settings);
    return settings;
  }
}
