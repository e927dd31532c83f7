// The house lexicon's storage (migration 015): senses teachers confirmed, read back as the glossing's `house`
// source together with the built-in lessons' seed (house-seed.ts), ranked by core's house ranking (houseRanker: a text's confirmations read and prepared once).
import { createHouseLexicon, houseRanker, type ConfirmedSense } from '../../../core/glossing/house';
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

  /** `seed` is read once, on the first lookup: the senses of the lessons made by hand. */
  constructor(
    private readonly db: LearnerDatabase,
    private readonly seed: () => readonly ConfirmedSense[] = () => [],
  ) {}

  /** The seed's and the teachers' confirmations of the lemma, ranked for this sentence. */
  lookup(lemma: string, pos: PartOfSpeech, context: SenseContext): SenseCandidate[] {
    return this.forText([lemma]).lookup(lemma, pos, context);
  }

  /** The hand-made lessons' expressions and those teachers confirmed, found in this sentence. */
  expressions(words: readonly ExpressionWord[]): ExpressionCandidate[] {
    return this.forText([]).expressions?.(words) ?? [];
  }

  partsOfSpeech(lemma: string): PartOfSpeech[] {
    return this.forText([lemma]).partsOfSpeech?.(lemma) ?? [];
  }

  /**
   * The house lexicon for one text: the teachers' confirmations of its lemmas (in any case) and every confirmed
   * expression, read in one query, beside the seed. Glossing a text asks this once, not once per word.
   */
  forText(lemmas: readonly string[]): HouseLexicon {
    const confirmed = this.confirmedFor(lemmas);
    const byLemma = new Map<string, ConfirmedSense[]>();
    for (const sense of confirmed) {
      const key = sense.lemma.toLowerCase();
      byLemma.set(key, [...(byLemma.get(key) ?? []), sense]);
    }
    const forLemma = (lemma: string): ConfirmedSense[] => {
      const key = lemma.toLowerCase();
      return [...(this.seeded().get(key) ?? []), ...(byLemma.get(key) ?? [])];
    };
    let expressionLexicon: HouseLexicon | undefined;
    return {
      lookup: houseRanker(forLemma),
      expressions: (words) => {
        expressionLexicon ??= createHouseLexicon([...this.seedOnce(), ...confirmed].filter((c) => c.pos === ''));
        return expressionLexicon.expressions?.(words) ?? [];
      },
      partsOfSpeech: (lemma) => [...new Set(forLemma(lemma).flatMap((c) => (c.pos === '' ? [] : [c.pos])))],
    };
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

  /**
   * One query: the rows of these lemmas, as written, lower-cased or with a capital (SQLite's own case folding is
   * ASCII only: "Été" would not find "été"), and every expression (pos ''), which any sentence may hold.
   */
  private confirmedFor(lemmas: readonly string[]): ConfirmedSense[] {
    const variants = new Set<string>();
    for (const lemma of lemmas) {
      const lower = lemma.toLowerCase();
      variants.add(lemma).add(lower).add(lower.charAt(0).toUpperCase() + lower.slice(1));
    }
    const rows = this.db
      .sql(`SELECT * FROM house_senses WHERE pos = '' OR lemma IN (SELECT value FROM json_each(?)) ORDER BY confirmed_at DESC, rowid DESC`)
      .all(JSON.stringify([...variants])) as SenseRow[];
    return rows.map((r) => ({
      lemma: r.lemma,
      pos: r.pos as PartOfSpeech | '',
      sense: r.sense,
      contextLemmas: readContext(r.context),
      confirmedAt: r.confirmed_at,
      ...(r.note === null ? {} : { note: r.note }),
    }));
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
    const rows = this.db.sql('SELECT * FROM house_senses WHERE lemma = ? ORDER BY confirmed_at DESC, rowid DESC').all(lemma) as SenseRow[];
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

interface SenseRow {
  lemma: string;
  pos: string;
  sense: string;
  note: string | null;
  context: string;
  lesson_id: string;
  confirmed_at: string;
}

function readContext(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
