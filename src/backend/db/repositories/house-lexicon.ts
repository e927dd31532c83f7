// The house lexicon's storage (migration 015): senses teachers confirmed, read back as the glossing's `house`
// source together with the built-in lessons' seed (house-seed.ts), ranked by core's rankHouseSenses.
import { createHouseLexicon, rankHouseSenses, type ConfirmedSense } from '../../../core/glossing/house';
import type { ExpressionCandidate, ExpressionWord, HouseLexicon, PartOfSpeech, SenseCandidate, SenseContext } from '../../../core/glossing/types';
import type { LearnerDatabase } from '../learner-database';

/** One remembered sense, as a confirmation in the gloss editor gives it. */
export interface HouseSense {
  lemma: string;
  pos: string;
  sense: string;
  note?: string;
  /** The other lemmas of the sentence it was confirmed in. */
  context: string[];
  lessonId: string;
  confirmedAt: string;
}

export class HouseLexiconRepository implements HouseLexicon {
  private seedSenses: readonly ConfirmedSense[] | undefined;
  private seedByLemma: Map<string, ConfirmedSense[]> | undefined;
  private seedLexicon: HouseLexicon | undefined;

  /** `seed` is read once, on the first lookup: the senses of the lessons made by hand. */
  constructor(
    private readonly db: LearnerDatabase,
    private readonly seed: () => readonly ConfirmedSense[] = () => [],
  ) {}

  /** The seed's and the teachers' confirmations of the lemma, ranked for this sentence. */
  lookup(lemma: string, pos: PartOfSpeech, context: SenseContext): SenseCandidate[] {
    const confirmed: ConfirmedSense[] = this.senses(lemma).map((s) => ({
      lemma: s.lemma,
      pos: s.pos as PartOfSpeech,
      sense: s.sense,
      contextLemmas: s.context,
      confirmedAt: s.confirmedAt,
      ...(s.note ? { note: s.note } : {}),
    }));
    return rankHouseSenses([...(this.seeded().get(lemma.toLowerCase()) ?? []), ...confirmed], lemma, pos, context);
  }

  /** The hand-made lessons' expressions (the editor confirms words; its expressions are not remembered yet). */
  expressions(words: readonly ExpressionWord[]): ExpressionCandidate[] {
    this.seedLexicon ??= createHouseLexicon(this.seedOnce());
    return this.seedLexicon.expressions?.(words) ?? [];
  }

  private seedOnce(): readonly ConfirmedSense[] {
    return (this.seedSenses ??= this.seed());
  }

  private seeded(): Map<string, ConfirmedSense[]> {
    if (!this.seedByLemma) {
      this.seedByLemma = new Map();
      for (const sense of this.seedOnce()) {
        const key = sense.lemma.toLowerCase();
        this.seedByLemma.set(key, [...(this.seedByLemma.get(key) ?? []), sense]);
      }
    }
    return this.seedByLemma;
  }

  remember(sense: HouseSense): void {
    this.db
      .sql(
        `INSERT INTO house_senses (lemma, pos, sense, note, context, lesson_id, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (lemma, pos, sense, lesson_id) DO UPDATE SET note = excluded.note, context = excluded.context, confirmed_at = excluded.confirmed_at`,
      )
      .run(sense.lemma, sense.pos, sense.sense, sense.note ?? null, JSON.stringify(sense.context), sense.lessonId, sense.confirmedAt);
  }

  /** Every sense remembered for the lemma, the most recently confirmed first. */
  senses(lemma: string): HouseSense[] {
    const rows = this.db.sql('SELECT * FROM house_senses WHERE lemma = ? ORDER BY confirmed_at DESC, rowid DESC').all(lemma) as {
      lemma: string;
      pos: string;
      sense: string;
      note: string | null;
      context: string;
      lesson_id: string;
      confirmed_at: string;
    }[];
    return rows.map((r) => ({
      lemma: r.lemma,
      pos: r.pos,
      sense: r.sense,
      ...(r.note === null ? {} : { note: r.note }),
      context: readContext(r.context),
      lessonId: r.lesson_id,
      confirmedAt: r.confirmed_at,
    }));
  }
}

function readContext(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
