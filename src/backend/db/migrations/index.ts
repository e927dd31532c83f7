// Every schema step, in order. A new step is a new file; a released step is never edited.
import { migration001 } from './001-learners';
import { migration002 } from './002-reading';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
export const LATEST_VERSION = MIGRATIONS.length;
