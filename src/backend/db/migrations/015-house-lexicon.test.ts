import { describe, expect, it } from 'vitest';
import { insertLearner, migrationStep, tableNames } from '../../../../test/support/db';
import { LearnerDatabase } from '../learner-database';
import { HouseLexiconRepository } from '../repositories/house-lexicon';
import { migration015 } from './015-house-lexicon';
import { MIGRATIONS } from './index';

describe('migration 015: the house lexicon', () => {
  const step = migrationStep(15, {
    seed: (db) => insertLearner(db, 'a', 'Ana'),
    upgraded: true,
  });

  it('is the fifteenth step of the list, and keeps what was there', () => {
    expect(MIGRATIONS[14]).toBe(migration015);
    expect(tableNames(step.db)).toContain('house_senses');
    expect(step.db.prepare('SELECT name FROM learners').all()).toEqual([{ name: 'Ana' }]);
  });

  it('remembers each confirmed sense once per lesson, the latest confirmation first', () => {
    const house = new HouseLexiconRepository(new LearnerDatabase(step.db));
    house.remember({ lemma: 'est', pos: 'noun', sense: 'east', context: ['vers'], lessonId: 'a', confirmedAt: '2024-05-01T10:00:00.000Z' });
    house.remember({ lemma: 'est', pos: 'verb', sense: 'is', context: ['il'], lessonId: 'a', confirmedAt: '2024-05-02T10:00:00.000Z' });
    house.remember({ lemma: 'est', pos: 'noun', sense: 'east', note: 'the direction', context: ['nord'], lessonId: 'a', confirmedAt: '2024-05-03T10:00:00.000Z' });
    expect(house.senses('est')).toEqual([
      { lemma: 'est', pos: 'noun', sense: 'east', note: 'the direction', context: ['nord'], lessonId: 'a', confirmedAt: '2024-05-03T10:00:00.000Z' },
      { lemma: 'est', pos: 'verb', sense: 'is', context: ['il'], lessonId: 'a', confirmedAt: '2024-05-02T10:00:00.000Z' },
    ]);
    expect(house.senses('ouest')).toEqual([]);
  });

  it('reads a whole text’s confirmations in one query, a lemma whatever its case, names kept apart by part of speech', () => {
    const database = new LearnerDatabase(step.db);
    const house = new HouseLexiconRepository(database);
    house.remember({ lemma: 'été', pos: 'noun', sense: 'summer', context: ['chaud'], lessonId: 'a', confirmedAt: '2024-05-01T10:00:00.000Z' });
    house.remember({ lemma: 'Pierre', pos: 'proper noun', sense: 'Pierre', context: [], lessonId: 'a', confirmedAt: '2024-05-01T10:00:00.000Z' });
    house.remember({ lemma: 'pierre', pos: 'noun', sense: 'stone', context: [], lessonId: 'a', confirmedAt: '2024-05-01T10:00:00.000Z' });
    let queries = 0;
    const sql = database.sql.bind(database);
    database.sql = (text: string) => {
      queries++;
      return sql(text);
    };
    const text = house.forText(['Été', 'pierre', 'Pierre', 'chaud', 'le', 'de']);
    const context = { lemmas: ['chaud'], sentence: '' };
    expect(text.lookup('Été', 'noun', context).map((c) => c.sense)).toEqual(['summer']);
    expect(text.lookup('pierre', 'noun', context).map((c) => c.sense)).toEqual(['stone']);
    expect(text.lookup('Pierre', 'proper noun', context).map((c) => c.sense)).toEqual(['Pierre']);
    expect(text.partsOfSpeech?.('Pierre').sort()).toEqual(['noun', 'proper noun']);
    expect(queries).toBe(1);
  });
});
