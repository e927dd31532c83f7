import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { createBackend } from '../src/backend/backend';
import { pdfText } from '../test/support/pdf-text';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, answerAnyhow, answerFirstQuestionRight, chooseLearner, downloadOf, QUIZ_LENGTH, setTeacherPin } from './flows';
import { teacherPage } from './pages/profiles';
import { quizPage } from './pages/quiz';

/** Results files as two learners' own computers would make them: real backends on their own data folders. */
/** Each learner's results file from their own computer; those named in `statementFiles` bring their statement file instead. */
async function resultsFilesFromOtherComputers(names: string[], withBroken = true, statementFiles: string[] = []): Promise<string[]> {
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
    const exported = await backend.call(statementFiles.includes(name) ? 'results:exportStatements' : 'results:export', { learnerId });
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

test('the teacher opens the reports with the PIN, exports CSV, PDF and JSON, and imports two learners’ files', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Amélie');
  await answerFirstQuestionRight(page);

  // The learner takes their results away in one file.
  await page.getByRole('button', { name: 'My progress' }).click();
  const mine = await downloadOf(page, 'Export my results');
  expect(mine.name).toMatch(/^liseuse-results-amelie-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  expect(JSON.parse(readFileSync(mine.path, 'utf8'))).toMatchObject({ format: 'liseuse-results', learner: { name: 'Amélie' } });
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click();

  await setTeacherPin(page);
  await expect(teacherPage(page).reportsHeading).toBeVisible();
  await expect(page.getByTestId('class-report')).toContainText('Amélie');
  // The built-in lesson is version 1; a report says which version its attempts were answered on.
  await expect(page.getByTestId('report-version')).toHaveText('version 1');
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
  const statements = await downloadOf(page, 'This learner (xAPI statements, for another computer or an LRS)');
  expect(statements.name).toMatch(/^liseuse-statements-amelie-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const statementList = JSON.parse(readFileSync(statements.path, 'utf8')) as { actor: { name?: string }; result?: { response?: string } }[];
  expect(statementList.every((st) => st.actor.name === 'Amélie')).toBe(true);
  expect(statementList.map((st) => st.result?.response)).toContain('sept jours');
  await page.setViewportSize({ width: 320, height: 900 });
  await page.getByRole('button', { name: /xAPI statements/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(tmpdir(), 'liseuse-statement-export-320.png'), fullPage: false });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1200, height: 900 });

  const files = await resultsFilesFromOtherComputers(['Inès', 'Jules']);
  await page.getByLabel('Results files').setInputFiles(files);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const results = page.getByTestId('import-results');
  await expect(results).toContainText('Inès, 2 new records.');
  await expect(results).toContainText('Jules, 2 new records.');
  await expect(results).toContainText('broken.json: it is not valid JSON');
  await expect(page.getByRole('status').filter({ hasText: 'imported' })).toHaveText('2 files imported: 2 learners, 2 new attempts, 0 duplicates ignored; 1 refused.');
  await page.getByRole('tab', { name: 'Class overview' }).click();
  await expect(page.getByTestId('class-report')).toContainText('Inès');
  await expect(page.getByTestId('class-report')).toContainText('Jules');
  await expectAccessible(page, 'teacher reports after an import');
});

test('a zip of a class’s results files (one a statement file) imports in one go with one summary; the same files again from a folder are all duplicates', async ({ liseuse }) => {
  const { page } = liseuse;
  await setTeacherPin(page);
  await expect(teacherPage(page).reportsHeading).toBeVisible();
  const names = ['Inès', 'Jules', 'Karim', 'Léna'];
  // Léna's computer hands over her statement file: the same import takes it, with the same counts.
  const files = await resultsFilesFromOtherComputers(names, false, ['Léna']);
  expect(files.map((f) => basename(f).split('-')[1])).toEqual(['results', 'results', 'results', 'statements']);
  const out = mkdtempSync(join(tmpdir(), 'liseuse-zip-'));
  const zipPath = join(out, 'classe-4b.zip');
  writeFileSync(
    zipPath,
    zipSync({
      ...Object.fromEntries(files.map((f) => [`4B/${basename(f)}`, readFileSync(f)])),
      '4B/consignes.txt': strToU8('À rendre vendredi.'),
      '4B/cut.json': strToU8('{"format":"liseuse-results","version":1,'),
    }),
  );
  await page.getByLabel('Results files').setInputFiles([zipPath]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const summary = page.getByRole('status').filter({ hasText: 'imported' });
  await expect(summary).toHaveText('4 files imported: 4 learners, 4 new attempts, 0 duplicates ignored; 2 refused.');
  const results = page.getByTestId('import-results');
  await expect(results).toContainText('classe-4b.zip › 4B/consignes.txt: not a results file');
  await expect(results).toContainText('classe-4b.zip › 4B/cut.json: it is not valid JSON');
  for (const name of names) await expect(page.getByTestId('class-report')).toContainText(name);
  await expectAccessible(page, 'teacher reports after a zip import');
  await page.setViewportSize({ width: 320, height: 900 });
  await page.getByLabel('Or a folder: every results file in it').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(tmpdir(), 'liseuse-zip-import-320.png'), fullPage: false });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // The same files brought again, as a folder: nothing new, every record counted as a duplicate.
  const folder = join(out, 'dossier');
  mkdirSync(folder);
  for (const f of files) copyFileSync(f, join(folder, basename(f)));
  await page.getByLabel('Or a folder: every results file in it').setInputFiles(folder);
  await page.getByRole('button', { name: 'Import folder' }).click();
  await expect(summary).toHaveText('4 files imported: 4 learners, 0 new attempts, 8 duplicates ignored; 0 refused.');
  await expect(results).toContainText('nothing new (already imported)');
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
  await expect(page.getByRole('status').filter({ hasText: 'imported' })).toHaveText('1 file imported: 1 learner, 1 new attempt, 0 duplicates ignored; 0 refused.');
  const overview = page.getByTestId('class-report');
  await expect(overview).toContainText(/Amélie \(computer [0-9a-f]{6}\)/);
  await expect(overview.getByText('Amélie', { exact: true })).toBeVisible();
});

/** Some answer of the right shape to every question but trip-length, where the learner typed `typed`. */
function answerTo(question: { id: string; type: string; mode?: string; options?: { id: string }[]; left?: { id: string }[]; right?: { id: string }[]; items?: { id: string }[] }, typed: string): unknown {
  if (question.id === 'trip-length') return { type: 'short-answer', text: typed };
  switch (question.type) {
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'single':
      return { type: 'single', choice: question.options?.[0]?.id };
    case 'multiple':
      return { type: 'multiple', choices: [question.options?.[0]?.id] };
    case 'short-answer':
      return { type: 'short-answer', text: 'je ne sais pas' };
    case 'cloze':
      return question.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: 'blindé' } : { type: 'cloze', mode: 'choice', choice: question.options?.[0]?.id };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries((question.left ?? []).map((l, i) => [l.id, question.right?.[i]?.id])) };
    case 'open':
      return { type: 'open', text: 'Je ne sais pas encore.' };
    default:
      return { type: 'ordering', order: (question.items ?? []).map((i) => i.id) };
  }
}

/** Finished attempts written by a real backend on the app's own data folder (the app stopped meanwhile); their scores. */
async function learnersTyped(dataDir: string, typedBy: Record<string, string>): Promise<Record<string, number>> {
  const backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'e2e' });
  const scores: Record<string, number> = {};
  try {
    for (const [name, typed] of Object.entries(typedBy)) {
      const learner = await backend.call('learners:create', { name });
      if (!learner.ok) throw new Error(learner.error.message);
      const learnerId = (learner.value as { id: string }).id;
      const attempt = await backend.call('quiz:start', { learnerId, lessonId: 'kim-russie', kind: 'comprehension' });
      if (!attempt.ok) throw new Error(attempt.error.message);
      const { id: attemptId, questions } = attempt.value as { id: string; questions: Parameters<typeof answerTo>[0][] };
      for (const question of questions) {
        const saved = await backend.call('quiz:answer', { learnerId, attemptId, questionId: question.id, answer: answerTo(question, typed) as never, timeMs: 3000 });
        if (!saved.ok) throw new Error(saved.error.message);
        scores[name] = (saved.value as { attempt: { score: number | null } }).attempt.score ?? 0;
      }
    }
  } finally {
    backend.close();
  }
  return scores;
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;

test('the teacher sees what learners typed and accepts an answer: the learner’s score and the class report change', async ({ liseuse }) => {
  await liseuse.stop();
  const before = await learnersTyped(liseuse.dataDir, { Amélie: 'huit jours', Bruno: 'Huit jours.', Chloé: 'une semaine' });
  await liseuse.start();
  const { page } = liseuse;
  // The two open answers await the teacher and count in no score: the score is over the other questions.
  const after = (before.Amélie ?? 0) + 1 / (QUIZ_LENGTH - 2);

  const teacher = teacherPage(page);
  await teacher.open.click();
  await teacher.pin.fill('246813');
  await teacher.pinAgain.fill('246813');
  await teacher.setPin.click();
  await expect(teacher.learnerRow('Amélie')).toContainText(pct(before.Amélie ?? 0));

  // Paragraph bars are to scale: each bar's length over the largest is its count over the largest count.
  await page.getByRole('tab', { name: 'Paragraphs' }).click();
  // The misses column: every learner here missed something, and no one looked a word up.
  const bars = await page.getByTestId('paragraph-difficulty').locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cell = row.querySelectorAll('td')[1];
      return { count: Number(cell?.querySelector('.value')?.textContent), width: cell?.querySelector('.bar')?.getBoundingClientRect().width ?? 0 };
    }),
  );
  const largest = bars.reduce((a, b) => (b.count > a.count ? b : a));
  expect(largest.count).toBeGreaterThan(0);
  for (const bar of bars.filter((b) => b.count > 0)) expect(bar.width / largest.width).toBeCloseTo(bar.count / largest.count, 1);
  await expect(page.getByTestId('paragraph-difficulty').locator('tbody th').first()).toContainText(/^1\. Ce voyage, qui a retenu Kim/);

  // Item analysis names what the learners who missed it typed, and opens every answer typed.
  await page.getByRole('tab', { name: 'Questions' }).click();
  await expect(page.getByTestId('item-analysis').getByRole('row').nth(1)).toContainText('huit jours (2)');
  await page.getByRole('button', { name: 'Answers typed to question 1' }).click();
  const responses = page.getByTestId('responses');
  await expect(responses.getByRole('heading', { name: 'Answers typed to question 1' })).toBeFocused();
  const huit = responses.getByRole('row', { name: /^huit jours/ });
  await expect(huit).toContainText('2');
  await expect(huit).toContainText('wrong');
  await expect(huit).toContainText('Amélie, Bruno');
  await expect(responses.getByRole('row', { name: /^une semaine/ })).toContainText('Chloé');
  await expectAccessible(page, 'teacher reports, answers typed to a question');

  await responses.getByRole('button', { name: 'Accept « huit jours » and regrade' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Regraded' })).toHaveText('Regraded: accepted « huit jours »: 2 answers regraded, 2 scores changed.');
  await expect(huit).toContainText('correct');
  await expect(responses.getByRole('button', { name: 'Reject « huit jours » and regrade' })).toBeVisible();
  await expect(responses.getByTestId('regradings')).toContainText('(teacher): accepted « huit jours »');
  await expectAccessible(page, 'teacher reports, an answer accepted');
  await responses.getByRole('button', { name: 'Close the answers' }).click();
  await expect(page.getByRole('button', { name: 'Answers typed to question 1' })).toBeFocused();

  await page.getByRole('tab', { name: 'Class overview' }).click();
  await expect(teacher.learnerRow('Amélie')).toContainText(pct(after));

  // The every-answer CSV read back with Python's csv module: percentages, local times, the right answer, the regrading.
  const csv = await downloadOf(page, 'Every answer (CSV)');
  const rows = JSON.parse(
    execFileSync('python3', ['-c', 'import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))', csv.path], { encoding: 'utf8' }),
  ) as Record<string, string>[];
  const amelie = rows.find((r) => r.learner === 'Amélie' && r.question_id === 'trip-length');
  expect(amelie).toMatchObject({ answer: 'huit jours', right_answer: 'sept jours', verdict: 'correct', score_pct: '100' });
  expect(amelie?.attempt_started).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(amelie?.regraded).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} accepted « huit jours »: 2 answers regraded, 2 scores changed$/);
  // Every graded answer has a percentage; the open answers awaiting the teacher have none yet.
  const awaitingRows = rows.filter((r) => r.verdict === 'awaiting the teacher');
  expect(awaitingRows.every((r) => r.score_pct === '')).toBe(true);
  expect(rows.filter((r) => !awaitingRows.includes(r)).every((r) => /^(100|\d{1,2}(\.\d)?)$/.test(r.score_pct ?? ''))).toBe(true);
  const classPdf = await downloadOf(page, 'Class report (PDF)');
  expect((await pdfText(readFileSync(classPdf.path))).replace(/\s+/g, ' ')).toContain('Regraded questions');

  // The learner sees the new score on their lesson card.
  await teacher.lock.click();
  await chooseLearner(page, 'Amélie');
  await expect(quizPage(page).cardScores).toContainText(`best ${pct(after)}`);
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

  await setTeacherPin(page);
  const teacher = teacherPage(page);
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
