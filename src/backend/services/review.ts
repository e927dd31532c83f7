// A learner's words and their spaced review: cards are made as words are met in reading, graded in review, and
// shown in the sentence they came from.
import { randomUUID } from 'node:crypto';
import { lemmaKey } from '../../core/lemma-key';
import type { Lesson } from '../../core/lesson';
import { gradeCard, isInQueue, newCard, nextDueByRating, reopen, reviewQueue } from '../../core/review-schedule';
import { AppError } from '../../shared/errors';
import type { GradeOutcome, MyWord, ReviewQueue, ReviewRating, ReviewSummary, WordChange, WordExportFormat } from '../../shared/contract/review';
import type { ExportOutcome, WordStatus } from '../../shared/types';
import type { ReviewRepository, StoredCard } from '../db/repositories/review';
import { wordsApkg } from '../export/anki';
import { wordsCsv, wordsQuizletTsv } from '../export/words';
import type { LessonStore } from '../lesson-store';
import { slug, type SaveFile } from './reports';
import type { LearnerService } from './learners';

/** At most this many words in one review session. */
export const REVIEW_SESSION = 50;

export interface WordSource {
  lessonId: string;
  token: number;
}

export class ReviewService {
  constructor(
    private readonly cards: ReviewRepository,
    private readonly lessons: LessonStore,
    private readonly learners: LearnerService,
    private readonly now: () => Date,
    private readonly save: SaveFile,
    /** The Electron build of better-sqlite3, for the Anki collection (see README). */
    private readonly nativeBinding?: string,
  ) {}

  /**
   * A word was looked up: it gets its card the first time, unless it is a grammatical word (l', qui, et…), which
   * enters review only when the learner marks it learning by hand (statusChanging).
   */
  lookedUp(learnerId: string, lemma: string, source: WordSource): void {
    if (this.lessons.find(source.lessonId)?.tokens[source.token]?.gloss?.function) return;
    const now = this.now();
    this.cards.insertIfMissing(learnerId, lemmaKey(lemma), source, newCard(now), now.toISOString());
  }

  /** Call before the status is saved: a word marked learning gets its card, or comes back to review if it was known. */
  statusChanging(learnerId: string, lemma: string, source: WordSource, next: WordStatus): void {
    if (next !== 'learning') return;
    const key = lemmaKey(lemma);
    const now = this.now();
    if (this.cards.insertIfMissing(learnerId, key, source, newCard(now), now.toISOString())) return;
    const stored = this.cards.card(learnerId, key);
    if (stored && this.cards.status(learnerId, key) === 'known') {
      const reopened = reopen(stored.card, now);
      if (reopened !== stored.card) this.cards.setDue(learnerId, key, reopened.due);
    }
  }

  /**
   * Saves words first..last of a lesson as a phrase, with its review card. The text is the lesson's own, never
   * the caller's: the range must be words of one sentence, at most MAX_PHRASE_WORDS of them.
   */
  addPhrase(learnerId: string, lessonId: string, first: number, last: number): MyWord {
    this.learners.require(learnerId);
    const lesson = this.lessons.find(lessonId);
    if (!lesson) throw AppError.because('not_found', 'lessonUnavailable');
    const from = lesson.tokens[first];
    const to = lesson.tokens[last];
    if (!from?.gloss || !to?.gloss || last <= first || from.sentence !== to.sentence) {
      throw AppError.because('invalid_input', 'phraseTooShort');
    }
    if (lesson.tokens.slice(first, last + 1).filter((t) => t.gloss).length > MAX_PHRASE_WORDS) {
      throw AppError.because('invalid_input', 'phraseTooLong', { max: MAX_PHRASE_WORDS });
    }
    const key = phraseKey(lesson.text.slice(from.start, to.end));
    const now = this.now();
    this.cards.savePhrase(learnerId, key, { lessonId, first, last }, newCard(now), now.toISOString());
    const stored = this.cards.card(learnerId, key)!;
    return this.toWord(stored, now, this.cards.phrases(learnerId));
  }

  summary(learnerId: string): ReviewSummary {
    this.learners.require(learnerId);
    return this.reviewSummary(this.cards.cards(learnerId));
  }

  /** "My words": every word looked up or marked learning, newest first. */
  words(learnerId: string): MyWord[] {
    this.learners.require(learnerId);
    const now = this.now();
    const phrases = this.cards.phrases(learnerId);
    return this.cards
      .cards(learnerId)
      .reverse()
      .map((stored) => this.toWord(stored, now, phrases));
  }

  /** The words due now, longest overdue first, with the counts the library shows. */
  queue(learnerId: string): ReviewQueue {
    this.learners.require(learnerId);
    const now = this.now();
    const cards = this.cards.cards(learnerId);
    const phrases = this.cards.phrases(learnerId);
    return {
      words: reviewQueue(cards, now)
        .slice(0, REVIEW_SESSION)
        .map((stored) => ({ ...this.toWord(stored, now, phrases), nextDue: nextDueByRating(stored.card, now) })),
      summary: this.reviewSummary(cards),
    };
  }

  grade(learnerId: string, lemma: string, rating: ReviewRating): GradeOutcome {
    this.learners.require(learnerId);
    const key = lemmaKey(lemma);
    const stored = this.cards.card(learnerId, key);
    if (!stored) throw notAmongWords(lemma);
    const now = this.now();
    const { card, log } = gradeCard(stored.card, rating, now);
    this.cards.saveReview(randomUUID(), learnerId, key, card, log);
    return { lemma: key, due: card.due, summary: this.summary(learnerId) };
  }

  setNote(learnerId: string, lemma: string, note: string): WordChange {
    this.learners.require(learnerId);
    const text = note.trim();
    return this.change(learnerId, lemma, (key) => this.cards.setNote(learnerId, key, text === '' ? null : text));
  }

  /** An ignored word stays in "My words", marked so, and is never offered for review until taken back. */
  setIgnored(learnerId: string, lemma: string, ignored: boolean): WordChange {
    this.learners.require(learnerId);
    return this.change(learnerId, lemma, (key) => this.cards.setIgnored(learnerId, key, ignored ? this.now().toISOString() : null));
  }

  remove(learnerId: string, lemma: string): ReviewSummary {
    this.learners.require(learnerId);
    if (!this.cards.remove(learnerId, lemmaKey(lemma))) throw notAmongWords(lemma);
    return this.summary(learnerId);
  }

  /** "My words", newest first, as a spreadsheet, a Quizlet import or an Anki deck. */
  async export(learnerId: string, format: WordExportFormat): Promise<ExportOutcome> {
    const learner = this.learners.require(learnerId);
    const words = this.words(learnerId);
    if (words.length === 0) throw AppError.because('invalid_input', 'noWordsToExport');
    const now = this.now();
    const base = `liseuse-words-${slug(learner.name)}-${now.toISOString().slice(0, 10)}`;
    const file =
      format === 'csv'
        ? { fileName: `${base}.csv`, mimeType: 'text/csv', bytes: wordsCsv(words) }
        : format === 'tsv'
          ? { fileName: `${base}-quizlet.txt`, mimeType: 'text/tab-separated-values', bytes: wordsQuizletTsv(words) }
          : { fileName: `${base}.apkg`, mimeType: 'application/octet-stream', bytes: wordsApkg(words, learnerId, now, this.nativeBinding) };
    return this.save(file);
  }

  private change(learnerId: string, lemma: string, write: (key: string) => boolean): WordChange {
    const key = lemmaKey(lemma);
    if (!write(key)) throw notAmongWords(lemma);
    const stored = this.cards.card(learnerId, key);
    if (!stored) throw notAmongWords(lemma);
    return { word: this.toWord(stored, this.now(), this.cards.phrases(learnerId)), summary: this.summary(learnerId) };
  }

  private toPhrase(stored: StoredCard, now: Date, lesson: Lesson | undefined, range: { first: number; last: number }): MyWord {
    const from = lesson?.tokens[range.first];
    const to = lesson?.tokens[range.last];
    const sentence = from && lesson?.sentences[from.sentence];
    // Only while the lesson's text still has the phrase where it was saved.
    const intact = lesson && from && to && sentence && phraseKey(lesson.text.slice(from.start, to.end)) === stored.lemma;
    const expression = intact && from.gloss?.expression !== undefined ? lesson.expressions[from.gloss.expression] : undefined;
    return {
      kind: 'phrase',
      lemma: stored.lemma,
      status: stored.status,
      lessonId: stored.lessonId,
      token: range.first,
      lessonTitle: lesson?.manifest.title ?? null,
      sentence: intact
        ? { before: lesson.text.slice(sentence.start, from.start), word: lesson.text.slice(from.start, to.end), after: lesson.text.slice(to.end, sentence.end) }
        : null,
      gloss: null,
      expression: expression && expression.start === from?.start && expression.end === to?.end ? expression : null,
      due: stored.card.due,
      inQueue: isInQueue(stored.card, stored.status, now, stored.ignored),
      reviews: stored.card.reps,
      note: stored.note,
      ignored: stored.ignored,
    };
  }

  private reviewSummary(cards: readonly StoredCard[]): ReviewSummary {
    const now = this.now();
    return {
      due: cards.filter((c) => isInQueue(c.card, c.status, now, c.ignored)).length,
      inReview: cards.filter((c) => c.status !== 'known' && !c.ignored).length,
    };
  }

  private toWord(stored: StoredCard, now: Date, phrases: ReadonlyMap<string, { first: number; last: number }>): MyWord {
    // The lesson folder may be removed or no longer load: the word stays, without its sentence.
    const lesson = this.lessons.find(stored.lessonId);
    const lessonTitle = lesson?.manifest.title ?? null;
    const phrase = phrases.get(stored.lemma);
    if (phrase) return this.toPhrase(stored, now, lesson, phrase);
    const token = lesson && occurrence(lesson, stored);
    const sentence = token && lesson?.sentences[token.sentence];
    const ignored = stored.ignored;
    return {
      kind: 'word',
      lemma: stored.lemma,
      status: stored.status,
      lessonId: stored.lessonId,
      token: token?.index ?? stored.token,
      lessonTitle,
      sentence:
        lesson && token && sentence
          ? {
              before: lesson.text.slice(sentence.start, token.start),
              word: lesson.text.slice(token.start, token.end),
              after: lesson.text.slice(token.end, sentence.end),
            }
          : null,
      gloss: token?.gloss ?? null,
      expression: (token?.gloss?.expression !== undefined && lesson?.expressions[token.gloss.expression]) || null,
      due: stored.card.due,
      inQueue: isInQueue(stored.card, stored.status, now, ignored),
      reviews: stored.card.reps,
      note: stored.note,
      ignored,
    };
  }
}

function notAmongWords(lemma: string): AppError {
  return AppError.because('not_found', 'notAmongWords', { lemma });
}

/** A phrase's card key: it never meets a lemma's, which has no colon. */
const phraseKey = (text: string): string => `phrase:${lemmaKey(text.replace(/\s+/gu, ' '))}`;

/** Longer selections are sentences, not phrases. */
export const MAX_PHRASE_WORDS = 12;

/** The token the word was met at; if the lesson's text changed since, its first occurrence of the lemma. */
function occurrence(lesson: Lesson, stored: StoredCard): Lesson['tokens'][number] | undefined {
  const matches = (t: Lesson['tokens'][number] | undefined): boolean => !!t?.gloss && lemmaKey(t.gloss.lemma) === stored.lemma;
  const at = lesson.tokens[stored.token];
  return matches(at) ? at : lesson.tokens.find(matches);
}
