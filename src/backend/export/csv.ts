// CSV files a spreadsheet opens right: RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM for accents, numbers
// left numeric, and every text cell that could run as a formula neutralised.
import { stringify } from 'csv-stringify/sync';
import type { AttemptAnswerRow } from '../../core/reports/attempt-rows';
import type { ClassReport } from '../../core/reports/class-report';
import { safeCell, type Cell } from '../../core/reports/csv-safety';

const BOM = '\uFEFF';

export function toCsv(header: string[], rows: Cell[][]): Buffer {
  const body = stringify([header.map(safeCell), ...rows.map((row) => row.map(safeCell))], { record_delimiter: 'windows', cast: { number: (n) => String(n) } });
  return Buffer.from(BOM + body, 'utf8');
}

const percent = (score: number | null): number | null => (score === null ? null : Math.round(score * 1000) / 10);

export function classSummaryCsv(report: ClassReport): Buffer {
  return toCsv(
    ['learner_id', 'learner', 'attempts', 'finished_attempts', 'last_score_pct', 'best_score_pct', 'completion_pct', 'reading_minutes', 'look_ups', 'words_looked_up', 'learning', 'known'],
    report.learners.map((l) => [
      l.id,
      l.name,
      l.attempts,
      l.finishedAttempts,
      percent(l.lastScore),
      percent(l.bestScore),
      percent(l.completion),
      Math.round((l.readingSeconds / 60) * 10) / 10,
      l.lookups,
      l.wordsLookedUp,
      l.learning,
      l.known,
    ]),
  );
}

/** One row per learner × question × attempt. */
export function attemptsCsv(rows: AttemptAnswerRow[]): Buffer {
  return toCsv(
    ['learner_id', 'learner', 'attempt_id', 'attempt_number', 'attempt_started', 'attempt_finished', 'question_number', 'question_id', 'question', 'answer', 'verdict', 'score', 'seconds', 'teacher_comment'],
    rows.map((r) => [
      r.learnerId,
      r.learner,
      r.attemptId,
      r.attemptNumber,
      r.startedAt,
      r.finishedAt ?? '',
      r.questionNumber,
      r.questionId,
      r.prompt,
      r.given,
      r.verdict === 'awaiting' ? 'awaiting the teacher' : r.verdict,
      // An open answer not graded yet has no score: it counts in none until the teacher grades it.
      r.verdict === 'awaiting' ? '' : r.score,
      Math.round(r.timeMs / 100) / 10,
      r.teacherComment ?? '',
    ]),
  );
}
