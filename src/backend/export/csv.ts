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

/**
 * A stored ISO time as a spreadsheet reads it, "2024-05-01 10:00:00", in the given IANA zone (the teacher's, sent
 * by their screen: the backend does not know it), which the file states in its time_zone column.
 */
export function localTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** One row per learner × question × attempt: the answer given beside the right one, the score as a percentage. */
export function attemptsCsv(rows: AttemptAnswerRow[], timeZone: string): Buffer {
  return toCsv(
    [
      'learner_id',
      'learner',
      'attempt_id',
      'attempt_number',
      'attempt_started',
      'attempt_finished',
      'time_zone',
      'question_number',
      'question_id',
      'question',
      'answer',
      'right_answer',
      'verdict',
      'score_pct',
      'seconds',
      'regraded',
      'teacher_comment',
    ],
    rows.map((r) => [
      r.learnerId,
      r.learner,
      r.attemptId,
      r.attemptNumber,
      localTime(r.startedAt, timeZone),
      r.finishedAt === null ? '' : localTime(r.finishedAt, timeZone),
      timeZone,
      r.questionNumber,
      r.questionId,
      r.prompt,
      r.given,
      r.rightAnswer,
      r.verdict === 'awaiting' ? 'awaiting the teacher' : r.verdict,
      // An open answer not graded yet has no score: it counts in none until the teacher grades it.
      r.verdict === 'awaiting' ? '' : percent(r.score),
      Math.round(r.timeMs / 100) / 10,
      r.regradings.map((g) => `${localTime(g.at, timeZone)} ${g.text}`).join('; '),
      r.teacherComment ?? '',
    ]),
  );
}
