import { test, expect, expectAccessible } from './fixtures';
import { addLearner, chooseLearner, lookUpWords, openLessonQuietly, secondsShown, setTeacherPin, submitNewPin, TEACHER_PIN } from './flows';
import { libraryPage } from './pages/library';
import { profilesPage, teacherPage } from './pages/profiles';
import { progressPage } from './pages/progress';
import { reviewPage } from './pages/review';
import { seedComprehensionAttempts } from './seed';

test('two learners on one computer: each sees only their own words and scores', async ({ liseuse }) => {
  let { page } = liseuse;
  await addLearner(page, 'Ana');
  // voyage and retenu are in paragraph 1, blindé in paragraph 3.
  await lookUpWords(page, ['voyage', 'retenu', 'blindé']);
  await addLearner(page, 'Bruno');
  await lookUpWords(page, ['missiles']);

  // Quiz results as the quiz stores them: Ana missed two questions on paragraph 3, then one; Bruno missed none.
  await liseuse.stop();
  seedComprehensionAttempts(liseuse.dataDir, 'Ana', [
    { daysAgo: 3, wrong: ['armoured-train', 'journey-home'] },
    { daysAgo: 1, wrong: ['armoured-train'] },
  ]);
  seedComprehensionAttempts(liseuse.dataDir, 'Bruno', [{ daysAgo: 2, wrong: [] }]);
  await liseuse.start();
  page = liseuse.page;

  // Bruno was chosen last.
  const library = libraryPage(page);
  const review = reviewPage(page);
  const progress = progressPage(page);
  await expect(library.currentLearner).toHaveText('Reading as Bruno');
  await review.openWords.click();
  await expect(review.words).toHaveCount(1);
  await expect(review.word('missile')).toBeVisible();
  await review.back.click();
  await progress.open.click();
  await expect(progress.heading).toHaveText('Bruno’s progress');
  await expect(progress.count('Words looked up')).toHaveText('1');
  await expect(progress.attempts).toHaveCount(1);
  await expect(progress.attempts.first()).toContainText('100%');
  await expect(progress.troubleRow(3)).toHaveCount(0);
  await progress.back.click();

  await chooseLearner(page, 'Ana');
  await review.openWords.click();
  await expect(review.words).toHaveCount(3);
  for (const lemma of ['voyage', 'retenir', 'blindé']) await expect(review.word(lemma)).toBeVisible();
  await expect(review.word('missile')).toHaveCount(0);
  await review.back.click();

  await progress.open.click();
  await expect(progress.heading).toHaveText('Ana’s progress');
  await expect(progress.count('Words looked up')).toHaveText('3');
  await expect(progress.count('Due for review')).toHaveText('3');
  await expect(progress.chart).toBeVisible();
  await expect(progress.attempts).toHaveCount(2);
  await expect(progress.attempts.nth(0)).toContainText('Comprehension quiz');
  await expect(progress.attempts.nth(1).locator('td').last()).toHaveText(/^9\d%$/);
  // Paragraph 3: one look-up and three wrong answers; paragraph 1: two look-ups. Most trouble first.
  await expect(progress.trouble.first()).toContainText('Paragraph 3');
  await expect(progress.troubleRow(3).locator('td')).toHaveText(['1', '3']);
  await expect(progress.troubleRow(1).locator('td')).toHaveText(['2', '0']);
  await expectAccessible(page, 'progress page, light theme');

  // The same page in the dark theme (a reader setting of this learner).
  await progress.back.click();
  const reader = await openLessonQuietly(page);
  await reader.display.click();
  await reader.theme('Dark').check();
  await reader.back.click();
  await progress.open.click();
  await expect(progress.chart).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page, 'progress page, dark theme');
});

test('deleting a learner needs the teacher PIN: a wrong PIN is refused, and the other learner is untouched', async ({ liseuse }) => {
  let { page } = liseuse;
  await addLearner(page, 'Ana');
  await lookUpWords(page, ['voyage']);
  await addLearner(page, 'Bruno');
  await lookUpWords(page, ['missiles', 'train']);

  const library = libraryPage(page);
  const profiles = profilesPage(page);
  const teacher = teacherPage(page);
  const review = reviewPage(page);

  // First use of the teacher area: the PIN is set twice, and must match.
  await teacher.open.click();
  await expect(teacher.setHeading).toBeVisible();
  await submitNewPin(page, TEACHER_PIN, '246913');
  await expect(teacher.error).toHaveText('The two PINs are not the same. Type them again.');
  await submitNewPin(page);
  await expect(teacher.learnersTable).toBeVisible();
  await expect(teacher.wordsLookedUp('Ana')).toHaveText('1');
  await expect(teacher.wordsLookedUp('Bruno')).toHaveText('2');
  await expect(teacher.reportsHeading).toBeVisible();
  await expectAccessible(page, 'teacher area');
  await teacher.lock.click();

  // Deleting Ana from the library: a wrong PIN is refused and Ana stays.
  await profiles.manage.click();
  await expect(profiles.manage).toHaveAttribute('aria-expanded', 'true');
  await profiles.delete('Ana').click();
  await expect(profiles.dialog).toBeVisible();
  await expect(profiles.dialog).toContainText('It cannot be undone.');
  await expect(profiles.dialogPin).toBeFocused();
  await profiles.dialogPin.fill('111111');
  await profiles.confirmDelete('Ana').click();
  await expect(profiles.dialogError).toHaveText('Wrong PIN. 4 more tries before a wait.');
  await expect(profiles.dialogPin).toBeFocused();
  await expectAccessible(page, 'delete dialog with a wrong PIN');
  await profiles.cancelDelete.click();
  await expect(profiles.dialog).toBeHidden();
  await expect(library.learner('Ana')).toBeVisible();

  // The right PIN deletes Ana, and only Ana.
  await profiles.delete('Ana').click();
  await profiles.dialogPin.fill(TEACHER_PIN);
  await profiles.dialogPin.press('Enter');
  await expect(profiles.dialog).toBeHidden();
  await expect(library.learner('Ana')).toHaveCount(0);
  await expect(library.learner('Bruno')).toBeVisible();
  await expect(library.currentLearner).toHaveText('Reading as Bruno');
  await review.openWords.click();
  await expect(review.words).toHaveCount(2);
  await review.back.click();

  // The teacher area locks again when left: the PIN is asked for again.
  await teacher.open.click();
  await expect(teacher.enterHeading).toBeVisible();
  await teacher.pin.fill(TEACHER_PIN);
  await teacher.unlock.click();
  await expect(teacher.learnersTable.locator('tbody tr')).toHaveCount(1);
  await expect(teacher.wordsLookedUp('Bruno')).toHaveText('2');
  await teacher.lock.click();

  // Deleting the current learner leaves nobody current, also after a restart.
  await profiles.manage.click();
  await profiles.delete('Bruno').click();
  await profiles.dialogPin.fill(TEACHER_PIN);
  await profiles.confirmDelete('Bruno').click();
  await expect(profiles.dialog).toBeHidden();
  await expect(library.currentLearner).toHaveCount(0);
  await expect(page.getByText('No learner yet. Add your name to start.')).toBeVisible();
  await liseuse.restart();
  page = liseuse.page;
  await expect(libraryPage(page).heading).toBeVisible();
  await expect(libraryPage(page).currentLearner).toHaveCount(0);
});

test('learners are renamed with the keyboard, and a name already taken is refused', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Ana');
  await addLearner(page, 'Bruno');
  const library = libraryPage(page);
  const profiles = profilesPage(page);

  await profiles.manage.focus();
  await page.keyboard.press('Enter');
  await expect(profiles.manageList).toBeVisible();
  await profiles.rename('Bruno').focus();
  await page.keyboard.press('Enter');
  await expect(profiles.renameInput('Bruno')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Ana');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('There is already a learner called “Ana”.');
  await profiles.renameInput('Bruno').fill('Bruno Léger');
  await page.keyboard.press('Enter');
  await expect(profiles.rename('Bruno Léger')).toBeFocused();
  await expect(library.currentLearner).toHaveText('Reading as Bruno Léger');
  await expect(library.learner('Bruno Léger')).toBeVisible();
  await expectAccessible(page, 'library with the learner management open');

  await liseuse.restart();
  await expect(libraryPage(liseuse.page).currentLearner).toHaveText('Reading as Bruno Léger');
});

test('deleting a learner before any teacher PIN is set leads to the teacher area', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Ana');
  const profiles = profilesPage(page);
  await profiles.manage.click();
  await profiles.delete('Ana').click();
  await expect(profiles.dialog).toContainText('none is set yet');
  await profiles.dialog.getByRole('button', { name: 'Open the teacher area' }).click();
  await expect(teacherPage(page).setHeading).toBeVisible();
  await expectAccessible(page, 'teacher area, first use');
});

test('after five wrong PINs the delete dialog counts the wait down, then lets the PIN be tried again', async ({ liseuse }) => {
  const { page } = liseuse;
  // Fake timers from the next load on (the page keeps its token across a reload); time still flows.
  await page.clock.install();
  await page.reload();
  await addLearner(page, 'Ana');
  const teacher = teacherPage(page);
  await setTeacherPin(page);
  await teacher.lock.click();
  const profiles = profilesPage(page);
  await profiles.manage.click();
  await profiles.delete('Ana').click();

  for (const left of ['4 more tries', '3 more tries', '2 more tries', '1 more try']) {
    await profiles.dialogPin.fill('111111');
    await profiles.confirmDelete('Ana').click();
    await expect(profiles.dialogError).toHaveText(`Wrong PIN. ${left} before a wait.`);
  }
  await profiles.dialogPin.fill('111111');
  await profiles.confirmDelete('Ana').click();
  await expect(profiles.dialogError).toHaveText('Too many wrong PINs in a row.');
  const timer = profiles.dialog.getByRole('timer');
  await expect(timer).toHaveText(/^You can try again in 1:00\.$|^You can try again in 0:59\.$/);
  await expect(profiles.confirmDelete('Ana')).toBeDisabled();
  await expect(profiles.dialogPin).not.toBeEditable();
  await expectAccessible(page, 'delete dialog, locked out');
  await page.screenshot({ path: test.info().outputPath('locked-delete-dialog.png') });

  const before = await secondsShown(timer);
  await page.clock.runFor(20_000);
  const after = await secondsShown(timer);
  expect(before - after).toBeGreaterThanOrEqual(20);
  expect(before - after).toBeLessThanOrEqual(21);

  await page.clock.runFor(41_000);
  await expect(timer).toHaveCount(0);
  await expect(profiles.dialogError).toHaveCount(0);
  await expect(profiles.dialogPin).toBeEditable();
  await expect(profiles.confirmDelete('Ana')).toBeEnabled();
  await profiles.cancelDelete.click();
  await expect(profiles.dialog).toBeHidden();
  await expect(libraryPage(page).learner('Ana')).toBeVisible();
});
