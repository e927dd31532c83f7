// Every schema step, in order. A new step is a new file; a released step is never edited.
import { migration001 } from './001-learners';
import { migration002 } from './002-reading';
import { migration003 } from './003-quizzes';
import { migration004 } from './004-review'; // review cards and logs, and the teacher PIN
import { migration005 } from './005-results-exchange';
import { migration006 } from './006-teacher-recovery';
import { migration007 } from './007-imported-attempts';
import { migration008 } from './008-first-tries'; // near-miss first tries
import { migration009 } from './009-quiz-glosses'; // the teacher's glosses-beside-the-quiz choice
import { migration010 } from './010-accepted-answers'; // the teacher's accepted / rejected typed answers, regradings
import { migration011 } from './011-open-grades'; // open answers awaiting the teacher, the teacher's grade and comment
import { migration012 } from './012-my-words'; // the learner's note and ignored flag on a review word
import { migration013 } from './013-phrases'; // phrases a learner saved from the reader
import { migration014 } from './014-lessons'; // the teacher's lessons, versioned; attempts say their version
import { migration015 } from './015-house-lexicon'; // senses the teacher confirmed, for the next glossing
import { migration016 } from './016-xapi-outbox'; // the xAPI outbox and the school's LRS
import { migration017 } from './017-lrs-failure-facts'; // the outbox's last errors as facts, not English sentences
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
];
export const LATEST_VERSION = MIGRATIONS.length;
