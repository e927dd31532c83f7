// A question regraded after the teacher accepted or rejected a typed answer, as the reports and exports say it.
import type { Quiz } from '../quiz';

export interface Regrading {
  questionId: string;
  /** ISO time of the change. */
  at: string;
  /** Who made it: "teacher" (the teacher area has one PIN, not named accounts). */
  by: string;
  change: 'accepted' | 'rejected';
  /** The answer accepted or rejected, as the learner typed it. */
  answer: string;
  /** Stored answers whose score or verdict changed. */
  answersChanged: number;
  /** Finished attempts whose score changed, with the score before and after (0..1). */
  attempts: { attemptId: string; learnerId: string; before: number; after: number }[];
}

/** A regrading with its question's number and prompt, as a report lists it. */
export interface RegradingLine extends Regrading {
  number: number;
  prompt: string;
}

export function regradingLines(regradings: readonly Regrading[], quiz: Quiz | undefined): RegradingLine[] {
  const questions = quiz?.questions ?? [];
  return regradings.map((r) => {
    const index = questions.findIndex((q) => q.id === r.questionId);
    return { ...r, number: index + 1, prompt: questions[index]?.prompt ?? r.questionId };
  });
}

/**
 * What a regrading changed and what it did, as facts in no language: the screen (strings.responses.regradingLine)
 * and the exports (labels.ts, regradings.describe) word them ("accepted « 7 jours »: 3 answers regraded, 2 scores changed").
 */
export interface RegradingFacts {
  change: Regrading['change'];
  answer: string;
  answersChanged: number;
  scoresChanged: number;
}

export function regradingFacts(r: Pick<Regrading, 'change' | 'answer' | 'answersChanged' | 'attempts'>): RegradingFacts {
  return { change: r.change, answer: r.answer, answersChanged: r.answersChanged, scoresChanged: r.attempts.length };
}
