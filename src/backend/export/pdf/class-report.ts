// The class report: overview table, best score per learner, question analysis, facility per question and
// difficulty by paragraph; its words from labels.ts in the teacher's language.
import { truthInWords, type ClassReport, type LearnerRow, type QuestionRow } from '../../../core/reports/class-report';
import { emptyNote, keepable, section, titleBlock } from './blocks';
import { barChart, barChartHeight, GROUPED_PANEL_HEIGHT, groupedBarChart } from './charts';
import { finish, newDocument } from './document';
import { reportFormat, validDate, type ReportFormat } from './format';
import { regradingsSection } from './regradings';
import { table, type Column } from './table';
import type { PdfOptions } from './options';

// Widths fit the longer French titles (« Avancement », « Tentatives ») on one line each.
function overviewColumns({ labels, percent, minutes }: ReportFormat): Column<LearnerRow>[] {
  const l = labels.classReport.columns;
  return [
    { header: l.learner, weight: 150, maxLines: 2, value: (r) => r.name },
    { header: l.lastScore, weight: 46, align: 'right', value: (r) => percent(r.lastScore) },
    { header: l.bestScore, weight: 46, align: 'right', value: (r) => percent(r.bestScore) },
    { header: l.completion, weight: 64, align: 'right', value: (r) => percent(r.completion) },
    { header: l.readingMinutes, weight: 54, align: 'right', value: (r) => minutes(r.readingSeconds) },
    { header: l.wordsLookedUp, weight: 54, align: 'right', value: (r) => String(r.wordsLookedUp) },
    { header: l.attempts, weight: 58, align: 'right', value: (r) => String(r.attempts) },
  ];
}

function questionColumns({ labels, percent, decimal, signed }: ReportFormat): Column<QuestionRow>[] {
  const words = labels.classReport;
  const l = words.columns;
  return [
    { header: '#', weight: 20, align: 'right', value: (q) => String(q.number) },
    { header: l.question, weight: 146, maxLines: 6, value: (q) => q.prompt },
    { header: l.correct, weight: 42, align: 'right', value: (q) => (q.answered ? percent(q.shareCorrect) : '—') },
    { header: l.facility, weight: 40, align: 'right', value: (q) => (q.answered ? decimal(q.facility) : '—') },
    { header: l.discrimination, weight: 46, align: 'right', value: (q) => (q.discrimination === null ? words.notApplicable : signed(q.discrimination)) },
    {
      header: l.wrongOption,
      weight: 108,
      maxLines: 3,
      value: (q) => {
        if (q.type === 'open') return words.openSummary(q.answered, q.awaiting);
        const top = q.wrongChoices[0];
        return top ? `${q.type === 'true-false' ? truthInWords(top.text, labels.truth) : top.text} (${top.count})` : '—';
      },
    },
    {
      header: l.missersLookups,
      weight: 100,
      maxLines: 3,
      value: (q) =>
        q.lookedUpByMissers
          .slice(0, 3)
          .map((m) => `${m.lemma} (${m.learners})`)
          .join(', ') || '—',
    },
  ];
}

export async function classReportPdf(report: ClassReport, options: PdfOptions = {}): Promise<Buffer> {
  const f = reportFormat(options.language, options.timeZone);
  const { percent, decimal } = f;
  const words = f.labels.classReport;
  const c = newDocument(f, { Title: `${report.lesson.title} — ${words.kind}`, CreationDate: validDate(report.generatedAt) ?? new Date(0) });
  const learners = report.learners;
  const best = learners.flatMap((l) => (l.bestScore === null ? [] : [l.bestScore]));
  const meanBest = best.length ? best.reduce((a, b) => a + b, 0) / best.length : null;

  titleBlock(c, f, report.lesson.title, words.kind, report.generatedAt, [
    words.summary(f.labels.count.learners(learners.length), f.labels.count.questions(report.lesson.questionCount), best.length, percent(meanBest)),
  ]);

  section(c, words.overview, words.overviewNote, 50);
  if (learners.length) table(c, words.overview, overviewColumns(f), learners);
  else emptyNote(c, words.noLearners);

  section(c, words.bestPerLearner, words.bestNote, keepable(c, barChartHeight(learners.length)));
  if (learners.length) {
    barChart(
      c,
      words.bestPerLearner,
      learners.map((l) => ({ label: l.name, value: l.bestScore, text: percent(l.bestScore) })),
      { max: 1, labelWidth: 150, ticks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, label: percent(v) })) },
    );
  } else emptyNote(c, words.noLearners);

  const questions = report.questions;
  section(c, words.questionAnalysis, words.questionNote, 60);
  if (questions.length) table(c, words.questionAnalysis, questionColumns(f), questions);
  else emptyNote(c, words.noQuiz);

  if (questions.length) {
    section(c, words.facilityPerQuestion, words.facilityNote, keepable(c, barChartHeight(questions.length)));
    barChart(
      c,
      words.facilityPerQuestion,
      questions.map((q) => ({ label: `Q${q.number}  ${q.prompt}`, value: q.answered ? q.facility : null, text: q.answered ? decimal(q.facility) : '—' })),
      { max: 1, labelWidth: 170, guides: [0.3, 0.9], ticks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, label: f.language === 'en' ? String(v) : decimal(v) })) },
    );
  }

  section(c, words.byParagraph, words.byParagraphNote, 16 + GROUPED_PANEL_HEIGHT);
  if (report.paragraphs.some((p) => p.lookups > 0 || p.misses > 0)) {
    groupedBarChart(
      c,
      words.byParagraph,
      report.paragraphs.map((p) => ({ label: String(p.paragraph), values: [p.lookups, p.misses] })),
      [
        { name: words.lookupsSolid, fill: 'solid' },
        { name: words.missesHatched, fill: 'hatched' },
      ],
      words.paragraph,
    );
  } else emptyNote(c, words.noDifficulty);

  regradingsSection(c, f, report.regradings);

  return finish(c, f, `Liseuse · ${words.kind} · ${report.lesson.title}`);
}
