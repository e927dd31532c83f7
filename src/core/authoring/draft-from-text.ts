// The seam where a new draft gets its first glosses. Until the automatic glossing (autoGloss, src/core/glossing,
// branch "morph") is merged, a draft starts with an empty lexicon and nothing to review; the lead wires autoGloss
// here at merge, and nothing else changes: its lexicon and review flags go in the draft as they are.
import type { Lexicon } from '../lesson';
import type { Review } from './review';

export interface DraftGlosses {
  lexicon: Lexicon;
  review: Review;
}

export function draftFromText(_text: string): DraftGlosses {
  return { lexicon: { entries: {}, tokens: [], expressions: [] }, review: { tokens: [], expressions: [] } };
}
