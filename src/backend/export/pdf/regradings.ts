// The questions regraded after the teacher accepted or rejected a typed answer: a section of both PDF reports, so a
// printed score says it counts the change.
import { regradingFacts, type RegradingLine } from '../../../core/reports/regrading';
import { section } from './blocks';
import type { Canvas } from './canvas';
import type { ReportFormat } from './format';
import { table, type Column } from './table';

const columns = (f: ReportFormat): Column<RegradingLine>[] => {
  const l = f.labels.regradings.columns;
  return [
    { header: '#', weight: 20, align: 'right', value: (r) => (r.number ? String(r.number) : '?') },
    { header: l.question, weight: 150, maxLines: 6, value: (r) => r.prompt },
    { header: l.when, weight: 80, maxLines: 3, value: (r) => `${f.date(r.at)} (${f.labels.regradings.by(r.by)})` },
    { header: l.what, weight: 130, maxLines: 8, value: (r) => f.labels.regradings.describe(regradingFacts(r)) },
    { header: l.scores, weight: 90, maxLines: 8, value: (r) => r.attempts.map((a) => `${f.percent(a.before)} → ${f.percent(a.after)}`).join(', ') || '—' },
  ];
};

/** Nothing when no question was regraded. */
export function regradingsSection(c: Canvas, f: ReportFormat, regradings: readonly RegradingLine[]): void {
  if (!regradings.length) return;
  const l = f.labels.regradings;
  section(c, l.heading, l.note, 40);
  table(c, l.heading, columns(f), regradings);
}
