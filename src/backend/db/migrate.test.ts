import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { tableNames } from '../../../test/support/db';

const step = (version: number, sql: string): Migration => ({ version, name: `step-${version}`, up: (db) => db.exec(sql) });

describe('migrate', () => {
  it('applies every pending step once, in order, and nothing on a second run', () => {
    const db = new Database(':memory:');
    const all = MIGRATIONS.map((m) => m.version);
    expect(migrate(db, MIGRATIONS)).toEqual(all);
    expect(schemaVersion(db)).toBe(all.length);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    expect(schemaVersion(db)).toBe(all.length);
    db.close();
  });

  it('only runs the steps above the current version', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(migrate(db, MIGRATIONS)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    db.close();
  });

  it('a failing step leaves no trace and the version at the last good step', () => {
    const db = new Database(':memory:');
    const steps = [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);')];
    expect(() => migrate(db, steps)).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['a']);
    db.close();
  });

  it('refuses a database from the future without touching it', () => {
    const db = new Database(':memory:');
    const future = MIGRATIONS.length + 1;
    db.pragma(`user_version = ${future}`);
    let caught: unknown;
    try {
      migrate(db, MIGRATIONS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('database_too_new');
    expect(schemaVersion(db)).toBe(future);
    expect(tableNames(db)).toEqual([]);
    db.close();
  });

  it('refuses a list whose versions are not 1, 2, 3…', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [step(1, 'CREATE TABLE a (x)'), step(3, 'CREATE TABLE c (x)')])).toThrow(/expected 2/);
    expect(schemaVersion(db)).toBe(0);
    db.close();
  });

  it('the shipped list is numbered 1..N', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
