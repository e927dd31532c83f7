// The questions regraded after the teacher accepted or rejected a typed answer: a section of both PDF reports, so a
// printed score says it counts the change.
import { describeRegrading, type RegradingLine } from '../../../core/reports/regrading';
import { section } from './blocks';
import type { Canvas } from './canvas';
import { formatDate, percent } from './format';
import { table, type Column } from './table';

const columns: Column<RegradingLine>[] = [
  { header: '#', weight: 20, align: 'right', value: (r) => (r.number ? String(r.number) : '?') },
  { header: 'Question', weight: 150, maxLines: 6, value: (r) => r.prompt },
  { header: 'When (by)', weight: 80, maxLines: 3, value: (r) => `${formatDate(r.at)} (${r.by})` },
  { header: 'What changed', weight: 130, maxLines: 8, value: (r) => describeRegrading(r) },
  { header: 'Scores before → after', weight: 90, maxLines: 8, value: (r) => r.attempts.map((a) => `${percent(a.before)} → ${percent(a.after)}`).join(', ') || '—' },
];

/** Nothing when no question was regraded. */
export function regradingsSection(c: Canvas, regradings: readonly RegradingLine[]): void {
  if (!regradings.length) return;
  section(c, 'Regraded questions', 'Typed answers the teacher accepted or rejected on this computer; the scores above already count them.', 40);
  table(c, 'Regraded questions', columns, regradings);
}
