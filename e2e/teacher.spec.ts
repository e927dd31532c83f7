import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createBackend } from '../src/backend/backend';
import { pdfText } from '../test/support/pdf-text';
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
  await teacher.pin.fill('246813');
  await teacher.pinAgain.fill('246813');
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

test('after five wrong PINs the teacher PIN screen counts down the wait, then lets the teacher try again; the recovery code opens at once', async ({ liseuse }) => {
  const { page } = liseuse;
  // Fake timers from the next load on (the page keeps its token across a reload); time still flows.
  await page.clock.install();
  await page.reload();
  const teacher = teacherPage(page);
  await teacher.open.click();
  await teacher.pin.fill('246813');
  await teacher.pinAgain.fill('246813');
  await teacher.setPin.click();
  // The recovery code is shown once, as the PIN is set.
  await expect(page.getByRole('heading', { name: 'Your recovery code' })).toBeVisible();
  const recoveryCode = (await page.getByTestId('recovery-code').textContent()) ?? '';
  expect(recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
  await expectAccessible(page, 'teacher area with the new recovery code');
  await page.getByRole('button', { name: 'I have written it down' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveCount(0);
  await teacher.lock.click();
  await teacher.open.click();

  for (const left of ['4 more tries', '3 more tries', '2 more tries', '1 more try']) {
    await teacher.pin.fill('111111');
    await teacher.unlock.click();
    await expect(teacher.error).toHaveText(`Wrong PIN. ${left} before a wait.`);
  }
  await teacher.pin.fill('111111');
  await teacher.unlock.click();
  await expect(teacher.error).toHaveText('Too many wrong PINs in a row.');
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^You can try again in 1:00\.$|^You can try again in 0:59\.$/);
  await expect(teacher.unlock).toBeDisabled();
  await expect(teacher.pin).not.toBeEditable();
  await expectAccessible(page, 'teacher PIN screen, locked out');
  await page.screenshot({ path: test.info().outputPath('locked-pin-screen.png') });

  const secondsShown = async (): Promise<number> => {
    const match = /in (\d+):(\d\d)\./.exec((await timer.textContent()) ?? '');
    if (!match) throw new Error('no time left shown');
    return Number(match[1]) * 60 + Number(match[2]);
  };
  const before = await secondsShown();
  await page.clock.runFor(20_000);
  const after = await secondsShown();
  expect(before - after).toBeGreaterThanOrEqual(20);
  expect(before - after).toBeLessThanOrEqual(21);

  await page.clock.runFor(41_000);
  await expect(timer).toHaveCount(0);
  await expect(teacher.error).toHaveCount(0);
  await expect(teacher.pin).toBeEditable();
  await expect(teacher.unlock).toBeEnabled();

  // While wrong PINs lock the area, the recovery code opens it, and is replaced.
  // (The backend's clock is the real one, a minute behind the page's: its lock-out has not ended yet.)
  await teacher.pin.fill('222222');
  await teacher.unlock.click();
  await expect(teacher.error).toContainText('Too many wrong PINs');
  await page.getByRole('button', { name: 'Use the recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill('AAAAA-AAAAA-AAAAA-AAAAA');
  await page.getByRole('button', { name: 'Open with the recovery code' }).click();
  await expect(teacher.error).toHaveText('That is not the recovery code of this computer.');
  await page.getByLabel('Recovery code').fill(recoveryCode.toLowerCase());
  await page.getByRole('button', { name: 'Open with the recovery code' }).click();
  await expect(teacher.reportsHeading).toBeVisible();
  await expect(page.getByTestId('recovery-code')).not.toHaveText(recoveryCode);
});

test('the teacher changes the PIN and gets a new recovery code; only the new PIN opens', async ({ liseuse }) => {
  const { page } = liseuse;
  const teacher = teacherPage(page);
  await teacher.open.click();
  await teacher.pin.fill('246813');
  await teacher.pinAgain.fill('246813');
  await teacher.setPin.click();
  const first = await page.getByTestId('recovery-code').textContent();
  await page.getByRole('button', { name: 'I have written it down' }).click();

  await page.getByText('Change the teacher PIN').click();
  await page.getByLabel('New PIN', { exact: true }).fill('9753');
  await page.getByLabel('New PIN again').fill('9753');
  await page.getByRole('button', { name: 'Change PIN' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('A teacher PIN is 6 to 12 digits.');
  await page.getByLabel('New PIN', { exact: true }).fill('97531864');
  await page.getByLabel('New PIN again').fill('97531864');
  await page.getByRole('button', { name: 'Change PIN' }).click();
  await expect(page.getByText('The PIN is changed. Write down the new recovery code above.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your recovery code' })).toBeFocused();
  await expect(page.getByTestId('recovery-code')).not.toHaveText(first ?? '');
  await expectAccessible(page, 'teacher area after changing the PIN');
  await teacher.lock.click();

  await teacher.open.click();
  await teacher.pin.fill('246813');
  await teacher.unlock.click();
  await expect(teacher.error).toHaveText('Wrong PIN. 4 more tries before a wait.');
  await teacher.pin.fill('97531864');
  await teacher.unlock.click();
  await expect(teacher.reportsHeading).toBeVisible();
});

test('a file from another computer’s Amélie is not merged into this Amélie unasked; keep both shows the two apart', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Amélie');
  const teacher = teacherPage(page);
  await teacher.open.click();
  await teacher.pin.fill('246813');
  await teacher.pinAgain.fill('246813');
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
