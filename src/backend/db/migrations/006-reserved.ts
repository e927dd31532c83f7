import type { Migration } from './types';

// Stands in, on the grading branch only, for the results branch's migration 006 so that 007 can run here.
// Drop this file at merge: the results branch brings the real 006.
export const migration006: Migration = {
  version: 6,
  name: 'reserved-for-results',
  up() {},
};
