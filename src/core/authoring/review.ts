// A draft's review.json: what the automatic glossing was unsure of or only suggested, token by token, with the
// candidates it weighed, so the gloss editor can show them until the teacher confirms. Never part of a lesson pack
// or of a published lesson: confirming a gloss is what removes its flags.
import * as v from 'valibot';
import { PARTS_OF_SPEECH } from '../lesson';

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Where a candidate sense came from: a dictionary, the house lexicon, another lesson, or the teacher. */
export const CandidateSchema = v.strictObject({
  lemma: Text,
  pos: v.picklist(PARTS_OF_SPEECH),
  sense: Text,
  source: v.pipe(Text, v.maxLength(40)),
  /** Higher ranks first; only the order matters. */
  score: v.optional(v.number()),
});

const Flags = {
  /** The morphology could not decide between readings (lemma or part of speech). */
  unsure: v.optional(v.literal(true)),
  /** The sense was chosen by the machine and not yet confirmed by the teacher. */
  suggested: v.optional(v.literal(true)),
  candidates: v.optional(v.pipe(v.array(CandidateSchema), v.maxLength(20, 'has more than 20 candidates'))),
};

/** The review state of one token, by the token's start offset in the text (the lexicon's `at`). */
export const TokenReviewSchema = v.strictObject({ at: Offset, ...Flags });
/**
 * The review state of one expression or name, by its range; `source` says where the machine found it ("house":
 * a teacher confirmed it in an earlier lesson; a dictionary's name; "name": a run of capitals).
 */
export const ExpressionReviewSchema = v.strictObject({ start: Offset, end: Offset, ...Flags, source: v.optional(v.pipe(Text, v.maxLength(40))) });

export const ReviewSchema = v.strictObject({
  tokens: v.array(TokenReviewSchema),
  expressions: v.array(ExpressionReviewSchema),
});

export type Candidate = v.InferOutput<typeof CandidateSchema>;
export type TokenReview = v.InferOutput<typeof TokenReviewSchema>;
export type ExpressionReview = v.InferOutput<typeof ExpressionReviewSchema>;
export type Review = v.InferOutput<typeof ReviewSchema>;

export const EMPTY_REVIEW: Review = { tokens: [], expressions: [] };
