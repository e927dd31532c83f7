// The PDF reports, read back the way a person would: rendered from a simulated class on the real kim-russie
// quiz, then turned into text by pdfjs-dist, and measured with its text boxes so nothing a learner typed can run
// off the page.
import { paragraphOpenings } from '../../../core/excerpt';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfPages, pdfText as textOf } from '../../../../test/support/pdf-text';
import { grade, type Answer } from '../../../core/grading';
import { mulberry32 } from '../../../core/random';
import type { Lesson } from '../../../core/lesson';
import { loadQuiz, type Question, type Quiz } from '../../../core/quiz';
import { buildLearnerReport, type ClassReport, type ReportInput } from '../../../core/reports/class-report';
import { rightAnswer } from '../../../../test/support/answers';
import { loadArticle, readArticleFile } from '../../../../test/support/article';
import { buildClassReport } from '../../../../test/support/reports';
import { classReportPdf, learnerReportPdf } from './index';

const lesson: Lesson = loadArticle();
const quiz: Quiz = loadQuiz(readArticleFile('quiz.json'), lesson);
const NOW = new Date('2024-05-12T14:03:00Z');

// Set LISEUSE_KEEP_PDF=/some/dir to keep the rendered files for a look (pdftoppm -r 60 -png …).
const KEEP = process.env.LISEUSE_KEEP_PDF;
beforeAll(() => {
  if (KEEP) mkdirSync(resolve(KEEP), { recursive: true });
});
const keep = (bytes: Buffer, name: string): void => {
  if (KEEP) writeFileSync(join(resolve(KEEP), `${name}.pdf`), bytes);
};

/** The PDF's text, one printed line per line. */
async function pdfText(bytes: Buffer, name: string): Promise<string> {
  keep(bytes, name);
  return textOf(bytes);
}

/** Every run of text the reader finds, with its box in points, per page. */
async function wordBoxes(bytes: Buffer, name: string): Promise<{ page: number; word: string; xMin: number; xMax: number; yMax: number; pageWidth: number; pageHeight: number }[]> {
  keep(bytes, name);
  return (await pdfPages(bytes)).flatMap((p, i) => p.runs.map((r) => ({ page: i + 1, word: r.text, xMin: r.xMin, xMax: r.xMax, yMax: r.yMax, pageWidth: p.width, pageHeight: p.height })));
}

const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);

const WRONG_TYPED = ['trois jours', 'un mois', 'je ne sais pas', 'la Volga', 'dix', 'Amour', 'deux semaines'];

/** A plausible mistake: a wrong option, a half-right tick list, a misspelling, a swapped pair. */
function wrongAnswer(q: Question, random: () => number): Answer {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: pick(q.options.filter((o) => o.id !== q.correct)).id };
    case 'multiple': {
      const wrong = q.options.filter((o) => !q.correct.includes(o.id));
      return { type: 'multiple', choices: random() < 0.5 && wrong.length ? [pick(wrong).id] : q.correct.slice(0, 1) };
    }
    case 'true-false':
      return { type: 'true-false', value: !q.correct };
    case 'short-answer':
      return { type: 'short-answer', text: random() < 0.3 ? `${q.accepted[0] ?? ''}s` : pick(WRONG_TYPED) };
    case 'cloze':
      return q.mode === 'typed'
        ? { type: 'cloze', mode: 'typed', text: random() < 0.5 ? q.cloze.blank.normalize('NFD').replace(/\p{M}/gu, '') : 'armé' }
        : { type: 'cloze', mode: 'choice', choice: pick(q.options.filter((o) => o.id !== q.correct)).id };
    case 'matching': {
      const ids = q.pairs.map((p) => p.id);
      const [a, b] = ids;
      return { type: 'matching', pairs: Object.fromEntries(ids.map((id) => [id, id === a ? (b ?? id) : id === b ? (a ?? id) : id])) };
    }
    case 'ordering':
      return { type: 'ordering', order: q.items.map((i) => i.id).reverse() };
    case 'open':
      return { type: 'open', text: 'Je ne sais pas.' };
  }
}

const NAMES = [
  'Zoé Lefèvre',
  'Łukasz Wróbel',
  'Jürgen Groß',
  'Анна Иванова',
  'Søren Ærø',
  'Chloé Dubois-Müller',
  'Nguyễn Thị Hà',
  'Ζωή Παπαδοπούλου',
  'François Œuvray',
  'Maëlle Brontë',
  'Inés García',
  'Björn Ölund',
  'Aylin Yıldız',
  'Mateusz Żółć',
  'Ana Ćorić',
  'Éloïse Martin',
  'Tomáš Dvořák',
  'Ngozi Okafor',
  'Li Wei',
  'Kateřina Nováková',
  'Dmitri Šostakovič',
  'Agnès Varda',
  'Jean-Baptiste Poquelin',
  'Sofia Ekström',
  'Mohammed Haddad',
  'Rosa Parks',
  'Oğuz Atay',
  'Fiona O’Brien',
  'Léa Seydoux',
  'Ōta Yūki',
];

const glossed = lesson.tokens.filter((t) => t.gloss);

/**
 * A class of learners with seeded abilities: most finish one to three attempts and improve a little; every
 * tenth (from the fourth) only started one; every tenth (from the eighth) never tried the quiz.
 */
function simulate(names: readonly string[], seed = 7): ReportInput {
  const random = mulberry32(seed);
  const input: ReportInput = {
    lesson: { id: 'kim-russie', title: lesson.manifest.title, paragraphOpenings: paragraphOpenings(lesson), version: 1, versions: [1] },
    quiz,
    learners: names.map((name, i) => ({ id: `learner-${String(i + 1).padStart(2, '0')}`, name })),
    attempts: [],
    answers: [],
    lookups: [],
    readingSeconds: {},
    statuses: [],
  };
  input.learners.forEach((learner, i) => {
    const ability = 0.3 + 0.65 * random();
    const attempts = i % 10 === 7 ? 0 : i % 10 === 3 ? 1 : 1 + Math.floor(random() * 3);
    for (let a = 0; a < attempts; a++) {
      const unfinished = i % 10 === 3;
      const start = Date.UTC(2024, 4, 1 + a * 3, 8 + (i % 9), i % 60);
      const id = `${learner.id}-attempt-${a + 1}`;
      const scores: number[] = [];
      quiz.questions.forEach((q, k) => {
        if (unfinished && k >= 6) return;
        const answer = random() < ability + 0.1 * a ? rightAnswer(q) : wrongAnswer(q, random);
        const g = grade(q, answer);
        scores.push(g.score);
        input.answers.push({
          attemptId: id,
          questionId: q.id,
          answer: JSON.stringify(answer),
          score: g.score,
          verdict: g.verdict,
          timeMs: 2000 + Math.floor(random() * 45000),
          answeredAt: new Date(start + (k + 1) * 30000).toISOString(),
        });
      });
      input.attempts.push({
        id,
        learnerId: learner.id,
        startedAt: new Date(start).toISOString(),
        finishedAt: unfinished ? null : new Date(start + 900000).toISOString(),
        score: unfinished ? null : scores.reduce((x, y) => x + y, 0) / scores.length,
      });
    }
    const lookups = Math.floor(random() * 14);
    for (let n = 0; n < lookups; n++) {
      const token = glossed[Math.floor(random() * glossed.length)];
      if (token?.gloss) input.lookups.push({ learnerId: learner.id, lemma: token.gloss.lemma, paragraph: token.paragraph });
    }
    input.readingSeconds[learner.id] = 120 + Math.floor(random() * 1500);
    input.statuses.push({ learnerId: learner.id, status: 'learning', count: Math.floor(random() * 12) }, { learnerId: learner.id, status: 'known', count: Math.floor(random() * 30) });
  });
  return input;
}

/** What the learner typed in their answers (short answers and typed gaps). */
function typedAnswers(input: ReportInput, learnerId: string): string[] {
  const mine = new Set(input.attempts.filter((a) => a.learnerId === learnerId).map((a) => a.id));
  return input.answers
    .filter((a) => mine.has(a.attemptId))
    .map((a) => JSON.parse(a.answer) as Answer)
    .flatMap((a) => (a.type === 'short-answer' || (a.type === 'cloze' && a.mode === 'typed') ? [a.text] : []));
}

describe('classReportPdf', () => {
  const input = simulate(NAMES);
  const report: ClassReport = buildClassReport(input, NOW);
  let bytes: Buffer;
  let text: string;

  beforeAll(async () => {
    bytes = await classReportPdf(report);
    text = await pdfText(bytes, 'class');
  });

  it('is a PDF with the lesson title, the kind of report, the date and numbered pages', () => {
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain('Kim Jong-un rentre de Russie');
    expect(text).toContain('Class report');
    expect(text).toContain('Generated 12 May 2024, 14:03 UTC');
    expect(text).toMatch(/Page 1 of \d+/);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('lists all 30 learners, each next to their best score as printed', () => {
    expect(report.learners).toHaveLength(30);
    const lines = text.split('\n');
    for (const learner of report.learners) {
      const best = percent(learner.bestScore);
      const withName = lines.filter((l) => l.includes(learner.name));
      // The overview row and the bar of the chart.
      expect(withName.length, learner.name).toBeGreaterThanOrEqual(2);
      expect(withName.some((l) => l.includes(best)), `${learner.name} ${best}`).toBe(true);
    }
    expect(report.learners.some((l) => l.bestScore === null)).toBe(true);
  });

  it('has every section, and the per-question figures', () => {
    for (const heading of ['Class overview', 'Best score per learner', 'Question analysis', 'Facility per question', 'Difficulty by paragraph']) expect(text).toContain(heading);
    expect(text).toContain('Look-ups (solid)');
    expect(text).toContain('Misses (hatched)');
    const q1 = report.questions[0];
    expect(q1?.discrimination).not.toBeNull();
    expect(text).toContain('How long did Kim stay in Russia?');
  });

  it('repeats the table header on the page a table continues on', () => {
    expect(text).toMatch(/\(continued\)/);
    expect((text.match(/Most chosen wrong/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every word inside the page margins', async () => {
    const boxes = await wordBoxes(bytes, 'class-boxes');
    expect(boxes.length).toBeGreaterThan(500);
    for (const b of boxes) {
      expect(b.xMin, b.word).toBeGreaterThanOrEqual(43);
      expect(b.xMax, b.word).toBeLessThanOrEqual(b.pageWidth - 43);
      expect(b.yMax, b.word).toBeLessThanOrEqual(b.pageHeight - 20);
    }
  });

  it('renders the same bytes twice', async () => {
    const again = await classReportPdf(buildClassReport(input, NOW));
    expect(again.equals(bytes)).toBe(true);
  });

  it('renders an empty class and a lesson without a quiz', async () => {
    const empty = buildClassReport({ ...simulate([]), quiz: undefined }, NOW);
    const t = await pdfText(await classReportPdf(empty), 'empty');
    expect(t).toContain('No learners in this class yet.');
    expect(t).toContain('This lesson has no quiz.');
    expect(t).toContain('Page 1 of 1');
  });
});

describe('learnerReportPdf', () => {
  const input = simulate(NAMES);

  it("shows the learner's name, figures, every attempt and their typed answers", async () => {
    // The first learner with two finished attempts and something typed.
    const learner = input.learners.find((l) => input.attempts.filter((a) => a.learnerId === l.id && a.finishedAt).length >= 2);
    expect(learner).toBeDefined();
    if (!learner) return;
    const report = buildLearnerReport(input, learner.id, NOW);
    expect(report).toBeDefined();
    if (!report) return;
    const bytes = await learnerReportPdf(report);
    const text = await pdfText(bytes, 'learner');
    expect(text).toContain(learner.name);
    expect(text).toContain('Learner report');
    expect(text).toContain('Attempt 1');
    expect(text).toContain('Attempt 2');
    expect(text).toMatch(/Page 1 of \d+/);
    const typed = typedAnswers(input, learner.id);
    expect(typed.length).toBeGreaterThan(0);
    for (const answer of typed) expect(text, answer).toContain(answer);
    expect(text).toMatch(/✓ Correct/);
    for (const lookup of report.lookups) expect(text).toContain(lookup.lemma);
    expect((await learnerReportPdf(report)).equals(bytes)).toBe(true);
  });

  it('prints a long answer whole, wrapped over as many lines as it needs', async () => {
    const ordering = quiz.questions.find((q) => q.type === 'ordering');
    const learner = input.learners[0];
    if (!ordering || ordering.type !== 'ordering' || !learner) throw new Error('no ordering question');
    const own = new Set(input.attempts.filter((a) => a.learnerId === learner.id).map((a) => a.id));
    const reversed = { type: 'ordering', order: ordering.items.map((i) => i.id).reverse() };
    const report = buildLearnerReport(
      { ...input, answers: input.answers.map((a) => (own.has(a.attemptId) && a.questionId === ordering.id ? { ...a, answer: JSON.stringify(reversed) } : a)) },
      learner.id,
      NOW,
    );
    const given = report?.attempts[0]?.answers.find((a) => a.questionId === ordering.id)?.given ?? '';
    expect(given.length).toBeGreaterThan(200);
    const words = (await pdfText(await learnerReportPdf(report!), 'long-answer')).split(/\s+/);
    // Every word of the answer, in its order (other columns' words may sit between them on a printed line).
    let at = 0;
    for (const word of given.split(/\s+/)) {
      const found = words.indexOf(word, at);
      expect(found, `"${word}" of the answer`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('handles a learner who never tried the quiz', async () => {
    const idle = input.learners[7];
    const report = idle && buildLearnerReport(input, idle.id, NOW);
    expect(report?.attempts).toEqual([]);
    if (!report) return;
    const text = await pdfText(await learnerReportPdf(report), 'idle');
    expect(text).toContain('No finished attempt yet.');
    expect(text).toContain('No attempts yet.');
  });
});

describe('hostile learner text', () => {
  const HOSTILE = [
    '=HYPERLINK("http://x")',
    '<script>alert(1)</script>',
    'W'.repeat(300),
    'W'.repeat(200),
    'Zoé 😀👩‍👩‍👧 Martin',
    'two\nlines\r\nand\ttabs',
    '\u202Eevil override\u202C Name',
    'Ｗｉｄｅ ＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷ',
    ...NAMES.slice(0, 8),
  ];
  const input = simulate(HOSTILE, 11);
  // Learner 3 (300 W's) also typed a 300-character answer without a single space, and some markup.
  const long = `<b>${'x'.repeat(300)}</b>`;
  const w300 = input.learners[2]?.id ?? '';
  const theirAttempts = new Set(input.attempts.filter((a) => a.learnerId === w300).map((a) => a.id));
  input.answers = input.answers.map((a) => {
    if (!theirAttempts.has(a.attemptId) || !a.answer.includes('"short-answer"')) return a;
    return { ...a, answer: JSON.stringify({ type: 'short-answer', text: long }), score: 0, verdict: 'wrong' };
  });

  it('prints names as plain text, cut to fit, inside the margins', async () => {
    const bytes = await classReportPdf(buildClassReport(input, NOW));
    const text = await pdfText(bytes, 'hostile');
    expect(text).toContain('=HYPERLINK("http://x")');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('Zoé');
    expect(text).toContain('evil override Name');
    expect(text).toContain('two lines and tabs');
    expect(text).not.toMatch(/W{150}/);
    expect(text).toMatch(/W+…/);
    for (const b of await wordBoxes(bytes, 'hostile-boxes')) {
      expect(b.xMin, b.word).toBeGreaterThanOrEqual(43);
      expect(b.xMax, b.word).toBeLessThanOrEqual(b.pageWidth - 43);
    }
  });

  it("prints a hostile learner's report, long answer wrapped and cut", async () => {
    const report = buildLearnerReport(input, w300, NOW);
    if (!report) throw new Error('no report');
    const bytes = await learnerReportPdf(report);
    const text = await pdfText(bytes, 'hostile-learner');
    expect(text).toContain('<b>xxxx');
    expect(text).not.toMatch(/x{300}/);
    for (const b of await wordBoxes(bytes, 'hostile-learner-boxes')) {
      expect(b.xMin, b.word).toBeGreaterThanOrEqual(43);
      expect(b.xMax, b.word).toBeLessThanOrEqual(b.pageWidth - 43);
    }
    const emoji = buildLearnerReport(input, input.learners[4]?.id ?? '', NOW);
    if (!emoji) throw new Error('no report');
    const emojiText = await pdfText(await learnerReportPdf(emoji), 'emoji-learner');
    expect(emojiText).toContain('Martin');
  });
});
