import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createBackend } from '../src/backend/backend';
import { pdfText } from '../test/support/pdf-text';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, answerAnyhow, QUIZ_LENGTH } from './flows';
import { teacherPage } from './pages/profiles';
import { quizPage } from './pages/quiz';

/** Results files as two learners' own computers would make them: real backends on their own data folders. */
async function resultsFilesFromOtherComputers(names: string[]): Promise<string[]> {
  const out = mkdtempSync(join(tmpdir(), 'liseuse-results-'));
  const files: string[] = [];
  for (const name of names) {
    const backend = createBackend({ dataDir: mkdtempSync(join(tmpdir(), 'liseuse-other-')), lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'e2e' });
    const learner = await backend.call('learners:create', { name });
    if (!learner.ok) throw new Error(learner.error.message);
    const learnerId = (learner.value as { id: string }).id;
    const attempt = await backend.call('quiz:start', { learnerId, lessonId: 'kim-russie', kind: 'comprehension' });
    if (!attempt.ok) throw new Error(attempt.error.message);
    await backend.call('quiz:answer', {
      learnerId,
      attemptId: (attempt.value as { id: string }).id,
      questionId: 'trip-length',
      answer: { type: 'short-answer', text: 'sept jours' },
      timeMs: 2000,
    });
    const exported = await backend.call('results:export', { learnerId });
    backend.close();
    if (!exported.ok || !('download' in (exported.value as object))) throw new Error('no results file');
    const { fileName, base64 } = (exported.value as { download: { fileName: string; base64: string } }).download;
    const path = join(out, fileName);
    writeFileSync(path, Buffer.from(base64, 'base64'));
    files.push(path);
  }
  const bad = join(out, 'broken.json');
  writeFileSync(bad, '{"format":"liseuse-results","version":1,');
  files.push(bad);
  return files;
}

async function downloadOf(page: Page, button: string): Promise<{ name: string; path: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'liseuse-dl-')), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

test('the teacher opens the reports with the PIN, exports CSV, PDF and JSON, and imports two learners’ files', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Amélie');
  const quiz = quizPage(page);
  await quiz.take.click();
  await quiz.typed.fill('sept jours');
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Correct/);
  await quiz.back.click();

  // The learner takes their results away in one file.
  await page.getByRole('button', { name: 'My progress' }).click();
  const mine = await downloadOf(page, 'Export my results');
  expect(mine.name).toMatch(/^liseuse-results-amelie-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(readFileSync(mine.path, 'utf8'))).toMatchObject({ format: 'liseuse-results', learner: { name: 'Amélie' } });
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click();

  const teacher = teacherPage(page);
  await teacher.open.click();
  await teacher.pin.fill('2468');
  await teacher.pinAgain.fill('2468');
  await teacher.setPin.click();
  await expect(teacher.reportsHeading).toBeVisible();
  await expect(page.getByTestId('class-report')).toContainText('Amélie');
  await expectAccessible(page, 'teacher reports, class overview');

  await page.getByRole('tab', { name: 'Questions' }).click();
  await expect(page.getByTestId('item-analysis')).toContainText('How long did Kim stay in Russia?');
  await expectAccessible(page, 'teacher reports, questions');
  await page.getByRole('tab', { name: 'Paragraphs' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'One learner' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'One learner' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('sept jours');
  await expectAccessible(page, 'teacher reports, one learner');

  const csv = await downloadOf(page, 'Class summary (CSV)');
  expect(csv.name).toMatch(/^liseuse-kim-russie-class-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = readFileSync(csv.path, 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain('Amélie');
  const answers = await downloadOf(page, 'Every answer (CSV)');
  expect(readFileSync(answers.path, 'utf8')).toContain('sept jours');
  const pdf = await downloadOf(page, 'Class report (PDF)');
  expect(await pdfText(readFileSync(pdf.path))).toContain('Amélie');
  const json = await downloadOf(page, 'Class report (JSON)');
  expect(JSON.parse(readFileSync(json.path, 'utf8'))).toMatchObject({ format: 'liseuse-class-report', version: 1 });
  const learnerPdf = await downloadOf(page, 'This learner (PDF)');
  expect(await pdfText(readFileSync(learnerPdf.path))).toContain('sept jours');

  const files = await resultsFilesFromOtherComputers(['Inès', 'Jules']);
  await page.getByLabel('Results files').setInputFiles(files);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const results = page.getByTestId('import-results');
  await expect(results).toContainText('Inès, 2 new records.');
  await expect(results).toContainText('Jules, 2 new records.');
  await expect(results).toContainText('broken.json: it is not valid JSON');
  await expect(page.getByRole('status').filter({ hasText: 'imported' })).toHaveText('2 imported, 1 refused.');
  await page.getByRole('tab', { name: 'Class overview' }).click();
  await expect(page.getByTestId('class-report')).toContainText('Inès');
  await expect(page.getByTestId('class-report')).toContainText('Jules');
  await expectAccessible(page, 'teacher reports after an import');
});

test('an open question graded by the teacher reaches the learner and every export', async ({ liseuse }) => {
  const { page } = liseuse;
  const SUMMARY = 'Kim et Poutine ont tenu un sommet à Vostochni ; ensuite, Poutine a parlé de coopération militaire et spatiale.';
  const COMMENT = 'Très bon résumé ; il manque la région de l’Amour.';
  await addLearner(page, 'Amélie');
  const quiz = quizPage(page);
  await quiz.take.click();
  for (let n = 1; n <= QUIZ_LENGTH; n++) {
    await expect(quiz.progress).toHaveText(`Question ${n} of ${QUIZ_LENGTH}`);
    const open = (await quiz.open.count()) > 0;
    if (open && n === QUIZ_LENGTH - 1) {
      await expect(quiz.open).toHaveAttribute('lang', 'fr');
      await expectAccessible(page, 'quiz, open question');
    }
    await answerAnyhow(page, n === QUIZ_LENGTH - 1 ? SUMMARY : 'Je crois que cet accord est dangereux pour la région.');
    if (open) {
      await expect(quiz.verdict).toHaveText(/Sent to your teacher/);
      await expect(quiz.feedback).toContainText('Your teacher will read and grade this answer.');
      if (n === QUIZ_LENGTH - 1) await expectAccessible(page, 'quiz, open answer awaiting the teacher');
    }
    await (n < QUIZ_LENGTH ? quiz.next : quiz.finish).click();
  }
  await expect(quiz.awaiting).toHaveText('2 questions await the teacher: the score counts the others until then.');
  const before = Number((await quiz.finalScore.textContent())?.match(/Score: (\d+)%/)?.[1]);
  await quiz.library.click();

  const teacher = teacherPage(page);
  await teacher.open.click();
  await teacher.pin.fill('2468');
  await teacher.pinAgain.fill('2468');
  await teacher.setPin.click();
  await page.getByRole('tab', { name: 'To grade' }).click();
  await expect(page.getByTestId('to-grade-count')).toHaveText('2 answers to grade.');
  const summary = page.getByTestId('open-answer').filter({ hasText: SUMMARY });
  await expect(summary).toContainText('Amélie');
  await expect(summary).toContainText('Awaiting the teacher');
  await expectAccessible(page, 'teacher, open answers to grade');

  // The other answers before grading: awaiting the teacher in the every-answer file.
  const awaitingCsv = readFileSync((await downloadOf(page, 'Every answer (CSV)')).path, 'utf8');
  expect(awaitingCsv).toContain(SUMMARY);
  expect(awaitingCsv).toContain('awaiting the teacher');

  await summary.getByLabel('75%', { exact: true }).check();
  await summary.getByLabel('Comment for the learner').fill(COMMENT);
  await summary.getByRole('button', { name: 'Save the grade' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Grade saved' })).toHaveText('Grade saved for Amélie.');
  await expect(summary).toContainText('Graded 75%');
  await expect(page.getByTestId('to-grade-count')).toHaveText('1 answer to grade.');
  await expectAccessible(page, 'teacher, an open answer graded');

  // Every export says so: the comment beside the answer, the other still awaiting.
  const csv = readFileSync((await downloadOf(page, 'Every answer (CSV)')).path, 'utf8');
  expect(csv).toContain(COMMENT);
  expect(csv).toContain('awaiting the teacher');
  const classJson = JSON.parse(readFileSync((await downloadOf(page, 'Class report (JSON)')).path, 'utf8')) as {
    questions: { questionId: string; answered: number; awaiting: number; facility: number }[];
  };
  expect(classJson.questions.find((q) => q.questionId === 'summary-summit')).toMatchObject({ answered: 1, awaiting: 0, facility: 0.75 });
  expect(classJson.questions.find((q) => q.questionId === 'deal-opinion')).toMatchObject({ answered: 0, awaiting: 1 });
  await page.getByRole('tab', { name: 'Questions' }).click();
  await expect(page.getByTestId('item-analysis')).toContainText('0 graded · 1 awaiting the teacher');
  await page.getByRole('tab', { name: 'One learner' }).click();
  const learnerJson = readFileSync((await downloadOf(page, 'This learner (JSON)')).path, 'utf8');
  expect(JSON.parse(learnerJson).attempts[0].answers).toContainEqual(expect.objectContaining({ questionId: 'summary-summit', given: SUMMARY, score: 0.75, teacherComment: COMMENT }));
  const learnerPdf = await pdfText(readFileSync((await downloadOf(page, 'This learner (PDF)')).path));
  expect(learnerPdf).toMatch(/Teacher:[\s\S]*Très bon résumé/);
  expect(learnerPdf).toMatch(/Awaiting[\s\S]*the teacher/);
  await teacher.lock.click();

  // The learner, next time: the grade and the comment on the lesson card and the progress page, and a higher score.
  const notes = page.getByTestId('teacher-notes');
  await expect(notes).toContainText('From your teacher');
  await expect(notes).toContainText(SUMMARY);
  await expect(notes).toContainText('75%');
  await expect(notes).toContainText(COMMENT);
  await expectAccessible(page, 'library, a teacher’s grade on the lesson card');
  const after = Number((await quiz.cardScores.textContent())?.match(/last (\d+)%/)?.[1]);
  // Answered anyhow, the keyed questions score well under 75 %: the graded answer raises the score.
  expect(after).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'My progress' }).click();
  await expect(page.getByTestId('teacher-notes')).toContainText(COMMENT);
  await expectAccessible(page, 'progress, a teacher’s grade');
});
