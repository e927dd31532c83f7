// The learner report: key figures, score per attempt, every answer of every attempt, and the words looked up.
import { givenWithTries, type LearnerReport } from '../../../core/reports/class-report';
import { emptyNote, section, titleBlock } from './blocks';
import type { Canvas } from './canvas';
import { scoreChart } from './charts';
import { finish, newDocument } from './document';
import { count, formatDate, minutes, percent, validDate } from './format';
import { MUTED } from './style';
import { regradingsSection } from './regradings';
import { table, type Column } from './table';

const VERDICTS: Record<string, string> = { correct: '✓ Correct', partial: '◐ Partial', almost: '≈ Almost', wrong: '✗ Wrong', awaiting: '… Awaiting the teacher' };

interface AnswerLine {
  number: number;
  prompt: string;
  given: string;
  verdict: string;
  score: number;
  timeMs: number;
  teacherComment: string | null;
}

// The prompt and the answer wrap whole: a teacher reads every word of them. A typed answer is at most 500
// characters and an ordering answer lists its items once, so neither comes near a page's height of lines; the bound
// only keeps a damaged row from growing past one page.
const WHOLE = 60;

const answerColumns: Column<AnswerLine>[] = [
  { header: '#', weight: 20, align: 'right', value: (a) => (a.number ? String(a.number) : '?') },
  { header: 'Question', weight: 164, maxLines: WHOLE, value: (a) => a.prompt },
  { header: 'Their answer', weight: 166, maxLines: WHOLE, value: (a) => (a.teacherComment ? `${givenWithTries(a)} · Teacher: ${a.teacherComment}` : givenWithTries(a)) },
  { header: 'Verdict', weight: 58, maxLines: 3, value: (a) => VERDICTS[a.verdict] ?? a.verdict },
  { header: 'Score', weight: 36, align: 'right', value: (a) => (a.verdict === 'awaiting' ? '—' : percent(a.score)) },
  { header: 'Time (s)', weight: 46, align: 'right', value: (a) => (a.timeMs / 1000).toFixed(1) },
];

const lookupColumns: Column<LearnerReport['lookups'][number]>[] = [
  { header: 'Word (lemma)', weight: 200, maxLines: 2, value: (l) => l.lemma },
  { header: 'Paragraphs', weight: 200, maxLines: 3, value: (l) => l.paragraphs.join(', ') },
  { header: 'Times looked up', weight: 80, align: 'right', value: (l) => String(l.count) },
];

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

export async function learnerReportPdf(report: LearnerReport): Promise<Buffer> {
  const { learner } = report;
  const c = newDocument({ Title: `${learner.name} — ${report.lesson.title} — Learner report`, CreationDate: validDate(report.generatedAt) ?? new Date(0) });

  titleBlock(c, learner.name, `Learner report · ${report.lesson.title}`, report.generatedAt, []);
  figures(c, [
    ['Attempts', `${learner.attempts} (${learner.finishedAttempts} finished)`],
    ['Last score', percent(learner.lastScore)],
    ['Best score', percent(learner.bestScore)],
    ['Completion', percent(learner.completion)],
    ['Reading time', `${minutes(learner.readingSeconds)} min`],
    ['Look-ups', `${learner.lookups} (${count(learner.wordsLookedUp, 'word', 'words')})`],
    ['Words learning', String(learner.learning)],
    ['Words known', String(learner.known)],
  ]);

  const scored = report.attempts.flatMap((a, i) => (a.finishedAt !== null && a.score !== null ? [{ number: i + 1, score: a.score }] : []));
  section(c, 'Score per attempt', 'Finished attempts only, numbered among all attempts.', 136);
  if (scored.length) scoreChart(c, scored);
  else emptyNote(c, 'No finished attempt yet.');

  section(c, 'Answers', undefined, 40);
  if (!report.attempts.length) emptyNote(c, 'No attempts yet.');
  report.attempts.forEach((attempt, i) => {
    const state = attempt.finishedAt !== null ? `finished ${formatDate(attempt.finishedAt)} · score ${percent(attempt.score)}` : 'not finished';
    c.font('bold', 9.5);
    c.ensure(c.lineHeight + 70);
    c.put(`Attempt ${i + 1}`, c.left, c.y);
    c.font('regular', 8);
    c.put(c.truncate(`started ${formatDate(attempt.startedAt)} · ${state}`, c.width - 70), c.left + 60, c.y + 1.5, 'left', MUTED);
    c.y += 15;
    if (attempt.answers.length) table(c, `Attempt ${i + 1}`, answerColumns, attempt.answers);
    else emptyNote(c, 'No answers in this attempt.');
    c.y += 4;
  });

  section(c, 'Words looked up', undefined, 40);
  if (report.lookups.length) table(c, 'Words looked up', lookupColumns, report.lookups);
  else emptyNote(c, 'No words looked up.');

  regradingsSection(c, report.regradings);

  return finish(c, `Liseuse · Learner report · ${learner.name} · ${report.lesson.title}`);
}
