// The class summary and the attempts file as typed columns, so the CSV (either dialect) and the .xlsx write the
// same columns from one definition: each cell keeps its kind (a score is a fraction, a time an ISO instant) until
// a writer renders it.
import type { AttemptAnswerRow } from '../../core/reports/attempt-rows';
import { truthInWords, type ClassReport } from '../../core/reports/class-report';
import type { ExportLabels } from './labels';

/** percent: a fraction 0..1 (a CSV writes 83.3, a workbook 0.833 shown as 83%); datetime: an ISO instant. */
export type ColumnKind = 'text' | 'number' | 'percent' | 'datetime';
export type Value = string | number | boolean | null;

export interface Sheet {
  name: string;
  columns: { key: string; kind: ColumnKind }[];
  rows: Value[][];
  /** The zone the datetime columns are written in (the teacher's). */
  timeZone: string;
}

const columns = (spec: string): Sheet['columns'] =>
  spec
    .trim()
    .split(/\s+/u)
    .map((c) => {
      const [key = '', kind = 'text'] = c.split(':');
      return { key, kind: kind as ColumnKind };
    });

/** A wall-clock time in an IANA zone, as numbers (month 1-12): what the writers print or turn into a date cell. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(iso: string, timeZone: string): WallClock | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const minutes = (seconds: number): number => Math.round((seconds / 60) * 10) / 10;
/** Scores to a tenth of a percent, as the CSV has always written them. */
const fraction = (score: number | null): number | null => (score === null ? null : Math.round(score * 1000) / 1000);

export function classSummarySheet(report: ClassReport, timeZone: string): Sheet {
  return {
    name: 'Class summary',
    timeZone,
    columns: columns(`learner_id learner attempts:number finished_attempts:number last_score_pct:percent best_score_pct:percent completion_pct:percent
      reading_minutes:number look_ups:number words_looked_up:number learning:number known:number`),
    rows: report.learners.map((l) => [
      l.id,
      l.name,
      l.attempts,
      l.finishedAttempts,
      fraction(l.lastScore),
      fraction(l.bestScore),
      fraction(l.completion),
      minutes(l.readingSeconds),
      l.lookups,
      l.wordsLookedUp,
      l.learning,
      l.known,
    ]),
  };
}

/**
 * One row per learner × question × attempt: the answer given beside the right one. `timeText` writes the times
 * inside the regradings' text the way the file writes its dates; `labels` are the file's language's: a regrading
 * described, a true-false answer's values, an unreadable answer, the verdicts.
 */
export function attemptsSheet(rows: AttemptAnswerRow[], timeZone: string, timeText: (iso: string) => string, labels: ExportLabels): Sheet {
  const { describe } = labels.regradings;
  const answer = (r: AttemptAnswerRow, text: string | null): string => (text === null ? labels.unreadable : r.trueFalse ? truthInWords(text, labels.truth) : text);
  return {
    name: 'Every answer',
    timeZone,
    columns: columns(`learner_id learner attempt_id attempt_number:number attempt_started:datetime attempt_finished:datetime time_zone
      question_number:number question_id question answer right_answer verdict score_pct:percent seconds:number regraded teacher_comment`),
    rows: rows.map((r) => [
      r.learnerId,
      r.learner,
      r.attemptId,
      r.attemptNumber,
      r.startedAt,
      r.finishedAt,
      timeZone,
      r.questionNumber,
      r.questionId,
      r.prompt,
      answer(r, r.given),
      answer(r, r.rightAnswer),
      labels.verdictCells[r.verdict],
      // An open answer not graded yet has no score: it counts in none until the teacher grades it.
      r.verdict === 'awaiting' ? null : fraction(r.score),
      Math.round(r.timeMs / 100) / 10,
      r.regradings.map((g) => `${timeText(g.at)} ${describe(g)}`).join('; '),
      r.teacherComment ?? '',
    ]),
  };
}
