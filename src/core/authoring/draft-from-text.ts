// The seam where a new draft gets its first glosses: autoGloss's lexicon as it is, and its flags in the shape of
// the draft's review.json (review.ts), so the gloss editor shows what the teacher must look at.
import { autoGloss, type GlossSources, type TokenFlags } from '../glossing/auto-gloss';
import type { Expression, Lexicon, TokenGloss } from '../lesson';
import type { Candidate, ExpressionReview, Review, TokenReview } from './review';

export interface DraftGlosses {
  lexicon: Lexicon;
  review: Review;
}

/** review.ts keeps at most 20 candidates per token: the best ones, as autoGloss ranks them. */
const MAX_CANDIDATES = 20;

/**
 * autoGloss's flags as review entries, one per token (flags[i] belongs to tokens[i]): unsure and suggested only
 * when true, candidates with their source and rank (the first is the chosen sense). A token the house lexicon
 * glossed with certain morphology needs no review and gets no entry. Expressions and names are all machine-made,
 * so each is "suggested" until the teacher confirms it.
 */
export function reviewFromFlags(tokens: readonly TokenGloss[], flags: readonly TokenFlags[], expressions: readonly Expression[], sources: readonly string[] = []): Review {
  const reviewed: TokenReview[] = [];
  tokens.forEach((token, i) => {
    const flag = flags[i];
    if (!flag || (!flag.unsure && !flag.suggested)) return;
    const { lemma, pos } = flag.analysis.reading;
    const candidates: Candidate[] = flag.candidates
      .slice(0, MAX_CANDIDATES)
      .map((c, rank, all) => ({ lemma, pos, sense: c.sense, source: c.source, score: all.length - rank }));
    reviewed.push({
      at: token.at,
      ...(flag.unsure ? { unsure: true as const } : {}),
      ...(flag.suggested ? { suggested: true as const } : {}),
      ...(candidates.length > 0 ? { candidates } : {}),
    });
  });
  const phrases: ExpressionReview[] = expressions.map((e, i) => {
    const source = sources[i];
    return { start: e.start, end: e.end, suggested: true as const, ...(source ? { source } : {}) };
  });
  return { tokens: reviewed, expressions: phrases };
}

export function draftFromText(text: string, sources: GlossSources): DraftGlosses {
  const { lexicon, flags, expressionSources } = autoGloss(text, sources);
  return { lexicon, review: reviewFromFlags(lexicon.tokens, flags, lexicon.expressions, expressionSources) };
}
