// The class report: overview table, best score per learner, question analysis, facility per question and
// difficulty by paragraph.
import { COMPLETION_HELP } from '../../../core/reports/completion';
import type { ClassReport, LearnerRow, QuestionRow } from '../../../core/reports/class-report';
import { MIN_LEARNERS_FOR_DISCRIMINATION } from '../../../core/reports/item-stats';
import { emptyNote, keepable, section, titleBlock } from './blocks';
import { barChart, barChartHeight, GROUPED_PANEL_HEIGHT, groupedBarChart } from './charts';
import { finish, newDocument } from './document';
import { count, decimal, minutes, percent, signed, validDate } from './format';
import { regradingsSection } from './regradings';
import { table, type Column } from './table';

const overviewColumns: Column<LearnerRow>[] = [
  { header: 'Learner', weight: 170, maxLines: 2, value: (l) => l.name },
  { header: 'Last score', weight: 46, align: 'right', value: (l) => percent(l.lastScore) },
  { header: 'Best score', weight: 46, align: 'right', value: (l) => percent(l.bestScore) },
  { header: 'Completion', weight: 54, align: 'right', value: (l) => percent(l.completion) },
  { header: 'Reading time (min)', weight: 54, align: 'right', value: (l) => minutes(l.readingSeconds) },
  { header: 'Words looked up', weight: 54, align: 'right', value: (l) => String(l.wordsLookedUp) },
  { header: 'Attempts', weight: 48, align: 'right', value: (l) => String(l.attempts) },
];

const questionColumns: Column<QuestionRow>[] = [
  { header: '#', weight: 20, align: 'right', value: (q) => String(q.number) },
  { header: 'Question', weight: 146, maxLines: 6, value: (q) => q.prompt },
  { header: 'Correct', weight: 42, align: 'right', value: (q) => (q.answered ? percent(q.shareCorrect) : '—') },
  { header: 'Facility', weight: 40, align: 'right', value: (q) => (q.answered ? decimal(q.facility) : '—') },
  { header: 'Discrim. (D)', weight: 46, align: 'right', value: (q) => (q.discrimination === null ? 'n/a' : signed(q.discrimination)) },
  {
    header: 'Most chosen wrong option',
    weight: 108,
    maxLines: 3,
    value: (q) => {
      if (q.type === 'open') return `${q.answered} graded, ${q.awaiting} awaiting the teacher`;
      const top = q.wrongChoices[0];
      return top ? `${top.text} (${top.count})` : '—';
    },
  },
  {
    header: 'Top look-ups by those who missed it',
    weight: 100,
    maxLines: 3,
    value: (q) =>
      q.lookedUpByMissers
        .slice(0, 3)
        .map((l) => `${l.lemma} (${l.learners})`)
        .join(', ') || '—',
  },
];

export async function classReportPdf(report: ClassReport): Promise<Buffer> {
  const c = newDocument({ Title: `${report.lesson.title} — Class report`, CreationDate: validDate(report.generatedAt) ?? new Date(0) });
  const learners = report.learners;
  const best = learners.flatMap((l) => (l.bestScore === null ? [] : [l.bestScore]));
  const meanBest = best.length ? best.reduce((a, b) => a + b, 0) / best.length : null;

  titleBlock(c, report.lesson.title, 'Class report', report.generatedAt, [
    `${count(learners.length, 'learner', 'learners')} · ${count(report.lesson.questionCount, 'question', 'questions')} · ` +
      `${best.length} with a finished attempt · mean best score ${percent(meanBest)}`,
  ]);

  section(c, 'Class overview', `Scores are of finished attempts. ${COMPLETION_HELP}`, 50);
  if (learners.length) table(c, 'Class overview', overviewColumns, learners);
  else emptyNote(c, 'No learners in this class yet.');

  section(c, 'Best score per learner', '— marks a learner with no finished attempt.', keepable(c, barChartHeight(learners.length)));
  if (learners.length) {
    barChart(
      c,
      'Best score per learner',
      learners.map((l) => ({ label: l.name, value: l.bestScore, text: percent(l.bestScore) })),
      { max: 1, labelWidth: 150, ticks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, label: percent(v) })) },
    );
  } else emptyNote(c, 'No learners in this class yet.');

  const questions = report.questions;
  section(
    c,
    'Question analysis',
    "Counted: each learner's first finished attempt. Correct: share of fully right answers. Facility: the mean score, 0–1. " +
      `Discrimination: facility in the top 27 % of the class (by total score) minus the bottom 27 %; n/a below ${MIN_LEARNERS_FOR_DISCRIMINATION} answers. ` +
      'Look-ups are in the paragraph holding the answer, with how many of those who missed it looked each word up.',
    60,
  );
  if (questions.length) table(c, 'Question analysis', questionColumns, questions);
  else emptyNote(c, 'This lesson has no quiz.');

  if (questions.length) {
    section(c, 'Facility per question', 'Mean score per question, 0 (nobody right) to 1 (everyone right). Dashed lines at 0.3 and 0.9: outside them a question is unusually hard or easy.', keepable(c, barChartHeight(questions.length)));
    barChart(
      c,
      'Facility per question',
      questions.map((q) => ({ label: `Q${q.number}  ${q.prompt}`, value: q.answered ? q.facility : null, text: q.answered ? decimal(q.facility) : '—' })),
      { max: 1, labelWidth: 170, guides: [0.3, 0.9], ticks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, label: String(v) })) },
    );
  }

  section(c, 'Difficulty by paragraph', 'Look-ups: words looked up in the paragraph, by all learners. Misses: answers below full marks to questions whose evidence is in the paragraph.', 16 + GROUPED_PANEL_HEIGHT);
  if (report.paragraphs.some((p) => p.lookups > 0 || p.misses > 0)) {
    groupedBarChart(
      c,
      'Difficulty by paragraph',
      report.paragraphs.map((p) => ({ label: String(p.paragraph), values: [p.lookups, p.misses] })),
      [
        { name: 'Look-ups (solid)', fill: 'solid' },
        { name: 'Misses (hatched)', fill: 'hatched' },
      ],
      'Paragraph',
    );
  } else emptyNote(c, 'No look-ups or missed answers yet.');

  regradingsSection(c, report.regradings);

  return finish(c, `Liseuse · Class report · ${report.lesson.title}`);
}

