import { describe, expect, it } from 'vitest';
import { columnNames, insertLearner, migrationStep } from '../../../../test/support/db';
import { migration012 } from './012-my-words';
import { MIGRATIONS } from './index';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration: my words (notes and ignored words)', () => {
  const step = migrationStep(migration012.version, {
    seed: (db) => {
      insertLearner(db, 'a', 'Ana', AT);
      db.prepare('INSERT INTO review_cards (learner_id, lemma, lesson_id, token, due, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('a', 'agence', 'kim-russie', 3, AT, AT);
    },
    upgraded: true,
  });

  it('is the tenth step of the list', () => {
    expect(MIGRATIONS[migration012.version - 1]).toBe(migration012);
  });

  it('gives cards a note and an ignored time, none for the cards already there, and keeps them', () => {
    expect(columnNames(step.db, 'review_cards')).toEqual(expect.arrayContaining(['note', 'ignored_at']));
    expect(step.db.prepare('SELECT lemma, due, note, ignored_at FROM review_cards').all()).toEqual([{ lemma: 'agence', due: AT, note: null, ignored_at: null }]);
  });
});
