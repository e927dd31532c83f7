// The learner report: key figures, score per attempt, every answer of every attempt, and the words looked up; its
// words from labels.ts in the teacher's language.
import { givenWithTries, type LearnerReport } from '../../../core/reports/class-report';
import { emptyNote, section, titleBlock } from './blocks';
import type { Canvas } from './canvas';
import { scoreChart } from './charts';
import { finish, newDocument } from './document';
import type { ExportLabels } from '../labels';
import { reportFormat, validDate, type ReportFormat } from './format';
import type { PdfOptions } from './options';
import { MUTED } from './style';
import { regradingsSection } from './regradings';
import { table, type Column } from './table';

interface AnswerLine {
  number: number;
  prompt: string;
  given: string | null;
  verdict: string;
  score: number;
  timeMs: number;
  teacherComment: string | null;
}

// The prompt and the answer wrap whole: a teacher reads every word of them. A typed answer is at most 500
// characters and an ordering answer lists its items once, so neither comes near a page's height of lines; the bound
// only keeps a damaged row from growing past one page.
const WHOLE = 60;

function answerColumns({ labels, percent }: ReportFormat): Column<AnswerLine>[] {
  const words = labels.learnerReport;
  const l = words.columns;
  const verdicts: Record<string, string> = words.verdicts;
  return [
    { header: '#', weight: 20, align: 'right', value: (a) => (a.number ? String(a.number) : '?') },
    { header: l.question, weight: 164, maxLines: WHOLE, value: (a) => a.prompt },
    { header: l.answer, weight: 166, maxLines: WHOLE, value: (a) => (a.teacherComment ? `${givenWithTries(a, labels)} · ${words.teacher}${labels.locale === 'fr-FR' ? '\u00a0' : ''}: ${a.teacherComment}` : givenWithTries(a, labels)) },
    { header: l.verdict, weight: 58, maxLines: 3, value: (a) => verdicts[a.verdict] ?? a.verdict },
    { header: l.score, weight: 36, align: 'right', value: (a) => (a.verdict === 'awaiting' ? '—' : percent(a.score)) },
    { header: l.seconds, weight: 46, align: 'right', value: (a) => tenths(labels, a.timeMs / 1000) },
  ];
}

const tenths = (labels: ExportLabels, value: number): string => new Intl.NumberFormat(labels.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(value);

function lookupColumns({ labels }: ReportFormat): Column<LearnerReport['lookups'][number]>[] {
  const l = labels.learnerReport.columns;
  return [
    { header: l.lemma, weight: 200, maxLines: 2, value: (w) => w.lemma },
    { header: l.paragraphs, weight: 200, maxLines: 3, value: (w) => w.paragraphs.join(', ') },
    { header: l.times, weight: 80, align: 'right', value: (w) => String(w.count) },
  ];
}

/** Key figures as a grid of small label-over-value tiles: easier to scan than a sentence. */
function figures(c: Canvas, items: [string, string][]): void {
  const perRow = 4;
  const w = c.width / perRow;
  for (let i = 0; i < items.length; i += perRow) {
    c.ensure(30);
    items.slice(i, i + perRow).forEach(([label, value], k) => {
      const x = c.left + k * w;
      c.font('regular', 7.5);
      c.put(c.truncate(label, w - 8), x, c.y, 'left', MUTED);
      c.font('bold', 11);
      c.put(c.truncate(value, w - 8), x, c.y + 10);
    });
    c.y += 30;
  }
}

export async function learnerReportPdf(report: LearnerReport, options: PdfOptions = {}): Promise<Buffer> {
  const f = reportFormat(options.language, options.timeZone);
  const { percent } = f;
  const words = f.labels.learnerReport;
  const { learner } = report;
  const c = newDocument(f, { Title: `${learner.name} — ${report.lesson.title} — ${words.kind}`, CreationDate: validDate(report.generatedAt) ?? new Date(0) });

  titleBlock(c, f, learner.name, `${words.kind} · ${report.lesson.title}`, report.generatedAt, []);
  figures(c, [
    [words.attempts, words.attemptsValue(learner.attempts, learner.finishedAttempts)],
    [f.labels.classReport.columns.lastScore, percent(learner.lastScore)],
    [f.labels.classReport.columns.bestScore, percent(learner.bestScore)],
    [f.labels.classReport.columns.completion, percent(learner.completion)],
    [words.readingTime, words.readingValue(f.minutes(learner.readingSeconds))],
    [words.lookups, `${learner.lookups} (${f.labels.count.words(learner.wordsLookedUp)})`],
    [words.wordsLearning, String(learner.learning)],
    [words.wordsKnown, String(learner.known)],
  ]);

  const scored = report.attempts.flatMap((a, i) => (a.finishedAt !== null && a.score !== null ? [{ number: i + 1, score: a.score }] : []));
  section(c, words.scorePerAttempt, words.scoreNote, 136);
  if (scored.length) scoreChart(c, scored, f);
  else emptyNote(c, words.noFinished);

  section(c, words.answers, undefined, 40);
  if (!report.attempts.length) emptyNote(c, words.noAttempts);
  const answers = answerColumns(f);
  report.attempts.forEach((attempt, i) => {
    const state = attempt.finishedAt !== null ? words.finished(f.date(attempt.finishedAt), percent(attempt.score)) : words.notFinished;
    c.font('bold', 9.5);
    c.ensure(c.lineHeight + 70);
    const heading = words.attempt(i + 1);
    c.put(heading, c.left, c.y);
    const indent = c.doc.widthOfString(heading) + 12;
    c.font('regular', 8);
    c.put(c.truncate(`${words.started(f.date(attempt.startedAt))} · ${state}`, c.width - indent), c.left + indent, c.y + 1.5, 'left', MUTED);
    c.y += 15;
    if (attempt.answers.length) table(c, heading, answers, attempt.answers);
    else emptyNote(c, words.noAnswers);
    c.y += 4;
  });

  section(c, words.wordsLookedUp, undefined, 40);
  if (report.lookups.length) table(c, words.wordsLookedUp, lookupColumns(f), report.lookups);
  else emptyNote(c, words.noLookups);

  regradingsSection(c, f, report.regradings);

  return finish(c, f, `Liseuse · ${words.kind} · ${learner.name} · ${report.lesson.title}`);
}
