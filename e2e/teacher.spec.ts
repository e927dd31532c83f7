import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createBackend } from '../src/backend/backend';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner } from './flows';
import { teacherPage } from './pages/profiles';
import { quizPage } from './pages/quiz';

/** Results files as two learners' own computers would make them: real backends on their own data folders. */
async function resultsFilesFromOtherComputers(names: string[], withBroken = true): Promise<string[]> {
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
  if (!withBroken) return files;
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
  expect(mine.name).toMatch(/^liseuse-results-amelie-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
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
  expect(execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' })).toContain('Amélie');
  const json = await downloadOf(page, 'Class report (JSON)');
  expect(JSON.parse(readFileSync(json.path, 'utf8'))).toMatchObject({ format: 'liseuse-class-report', version: 1 });
  const learnerPdf = await downloadOf(page, 'This learner (PDF)');
  expect(execFileSync('pdftotext', [learnerPdf.path, '-'], { encoding: 'utf8' })).toContain('sept jours');

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

test('a file from another computer’s Amélie is not merged into this Amélie unasked; keep both shows the two apart', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Amélie');
  const teacher = teacherPage(page);
  await teacher.open.click();
  await teacher.pin.fill('2468');
  await teacher.pinAgain.fill('2468');
  await teacher.setPin.click();
  await expect(teacher.reportsHeading).toBeVisible();

  await page.getByLabel('Results files').setInputFiles(await resultsFilesFromOtherComputers(['Amélie'], false));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const question = page.getByRole('dialog', { name: 'Two learners called Amélie' });
  await expect(question).toBeVisible();
  await expect(question).toContainText('Liseuse cannot tell whether they are the same pupil');
  await expect(question.getByRole('button', { name: 'Same pupil: add to Amélie here' })).toBeVisible();
  await expectAccessible(page, 'teacher reports, same-name question');
  await question.getByRole('button', { name: 'Different pupils: keep both' }).click();
  await expect(question).toBeHidden();
  const results = page.getByTestId('import-results');
  await expect(results).toContainText(/Amélie \(computer [0-9a-f]{6}\), 2 new records\./);
  await expect(page.getByRole('status').filter({ hasText: 'imported' })).toHaveText('1 imported, 0 refused.');
  const overview = page.getByTestId('class-report');
  await expect(overview).toContainText(/Amélie \(computer [0-9a-f]{6}\)/);
  await expect(overview.getByText('Amélie', { exact: true })).toBeVisible();
});
