import { describe, expect, it } from 'vitest';
import { columnNames, migrationStep } from '../../../../test/support/db';
import { migration006 } from './006-teacher-recovery';
import { MIGRATIONS } from './index';

describe('migration 006: teacher recovery code', () => {
  const step = migrationStep(6);

  it('is the sixth step', () => {
    expect(MIGRATIONS[5]).toBe(migration006);
    expect(migration006.version).toBe(6);
  });

  it('adds the recovery hash to the PIN row and keeps a PIN set before, with no code', () => {
    step.db.prepare("INSERT INTO teacher_pin (id, hash, salt, log2n, block_size, parallelism, set_at) VALUES (1, x'01', x'02', 15, 8, 1, 't')").run();
    step.upgrade();
    expect(columnNames(step.db, 'teacher_pin')).toContain('recovery_hash');
    expect(step.db.prepare('SELECT hash, recovery_hash FROM teacher_pin').get()).toEqual({ hash: Buffer.from([1]), recovery_hash: null });
  });
});
