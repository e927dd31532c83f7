// How a learner grades the recall of a word in review, kept apart from the scheduler so the renderer and the
// contract can name the ratings without bundling ts-fsrs.
export const REVIEW_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];
