// The house lexicon's storage (migration 015): senses teachers confirmed, read back for the glossing's `house` source.
import type { LearnerDatabase } from '../learner-database';

/**
 * One remembered sense. LOCAL TYPE until the morph helper's `HouseLexicon` (src/core/glossing/types.ts) is
 * merged: the lead makes this repository implement that interface then (same fields).
 */
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

/** What the glossing asks of the house lexicon (see HouseSense). */
export interface HouseLexicon {
  senses(lemma: string): HouseSense[];
}

export class HouseLexiconRepository implements HouseLexicon {
  constructor(private readonly db: LearnerDatabase) {}

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
