import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  name: 'teacher-recovery',
  up(db) {
    db.exec(`
      -- The hash of the teacher's recovery code, shown once when the PIN is set or changed: it opens the teacher
      -- area when the PIN is forgotten or wrong guesses have locked it. NULL for a PIN set before recovery codes.
      ALTER TABLE teacher_pin ADD COLUMN recovery_hash BLOB;
    `);
  },
};
