// A learner's progress page, assembled from the SQL aggregates of ProgressRepository and the lesson texts.
import type { LearnerProgress, ProgressAttempt, TroubleParagraph } from '../../shared/contract/progress';
import { excerptOf } from '../../core/excerpt';
import type { ProgressRepository } from '../db/repositories/progress';
import type { LessonStore } from '../lesson-store';
import type { LearnerService } from './learners';
import type { OpenAnswerService } from './open-answers';
import type { ReviewService } from './review';

/** Paragraphs listed as "most trouble". */
export const TROUBLE_LIMIT = 10;

export class ProgressService {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly lessons: LessonStore,
    private readonly learners: LearnerService,
    private readonly review: ReviewService,
    private readonly openAnswers: OpenAnswerService,
  ) {}

  of(learnerId: string): LearnerProgress {
    const learner = this.learners.require(learnerId);
    const counts = this.progress.wordCounts(learnerId);
    const attempts: ProgressAttempt[] = this.progress
      .finishedAttempts(learnerId)
      .map((a) => ({ ...a, lessonTitle: this.lessons.find(a.lessonId)?.manifest.title ?? null }));
    return {
      learner,
      words: { lookedUp: counts.lookedUp, learning: counts.learning, known: counts.known, ...this.review.summary(learnerId) },
      secondsRead: counts.secondsRead,
      attempts,
      trouble: this.trouble(learnerId),
      teacherNotes: this.openAnswers.notes(learnerId),
    };
  }

  /** Look-ups and wrong answers per paragraph, the paragraphs with most of both first. */
  private trouble(learnerId: string): TroubleParagraph[] {
    const byParagraph = new Map<string, { lessonId: string; paragraph: number; lookups: number; wrongAnswers: number }>();
    const entry = (lessonId: string, paragraph: number) => {
      const key = `${lessonId}\u0000${paragraph}`;
      let found = byParagraph.get(key);
      if (!found) byParagraph.set(key, (found = { lessonId, paragraph, lookups: 0, wrongAnswers: 0 }));
      return found;
    };
    for (const row of this.progress.lookupsByParagraph(learnerId)) entry(row.lessonId, row.paragraph + 1).lookups += row.lookups;
    for (const row of this.progress.wrongAnswers(learnerId)) {
      const paragraph = row.paragraph ?? this.quizParagraph(row.lessonId, row.questionId);
      if (paragraph !== undefined) entry(row.lessonId, paragraph).wrongAnswers += row.wrong;
    }
    return [...byParagraph.values()]
      .sort(
        (a, b) =>
          b.lookups + b.wrongAnswers - (a.lookups + a.wrongAnswers) ||
          b.wrongAnswers - a.wrongAnswers ||
          a.lessonId.localeCompare(b.lessonId) ||
          a.paragraph - b.paragraph,
      )
      .slice(0, TROUBLE_LIMIT)
      .map((p) => {
        const lesson = this.lessons.find(p.lessonId);
        const range = lesson?.paragraphs[p.paragraph - 1];
        return {
          ...p,
          lessonTitle: lesson?.manifest.title ?? null,
          excerpt: lesson && range ? excerptOf(lesson.text.slice(range.start, range.end)) : '',
        };
      });
  }

  /** The 1-based paragraph of a comprehension question's evidence, from the lesson's quiz. */
  private quizParagraph(lessonId: string, questionId: string): number | undefined {
    return this.lessons.quizOf(lessonId)?.questions.find((q) => q.id === questionId)?.evidence.paragraph;
  }
}
