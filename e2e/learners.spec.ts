import { test, expect, expectAccessible } from './fixtures';
import { libraryPage } from './pages/library';

const LESSON = 'Kim Jong-un rentre de Russie';

test('a new learner is created, chosen, and still chosen after the app restarts', async ({ liseuse }) => {
  let library = libraryPage(liseuse.page);
  await expect(library.heading).toBeVisible();
  await expect(library.lesson(LESSON)).toBeVisible();
  await expect(liseuse.page.getByText('Choose who is reading first.')).toBeVisible();
  await expectAccessible(liseuse.page, 'library, no learner');

  await library.nameInput.fill('Amélie');
  await library.addLearner.click();
  await expect(library.currentLearner).toHaveText('Reading as Amélie');
  await expect(library.learner('Amélie')).toHaveAttribute('aria-pressed', 'true');
  await expect(library.readLesson(LESSON)).toBeVisible();
  await expectAccessible(liseuse.page, 'library, learner chosen');

  await liseuse.restart();
  library = libraryPage(liseuse.page);
  await expect(library.currentLearner).toHaveText('Reading as Amélie');
  await expect(library.learner('Amélie')).toBeVisible();
});

test('two learners: switching is remembered, and a duplicate name is refused with a clear message', async ({ liseuse }) => {
  const library = libraryPage(liseuse.page);
  await library.nameInput.fill('Bruno');
  await library.nameInput.press('Enter');
  await expect(library.currentLearner).toHaveText('Reading as Bruno');
  await library.nameInput.fill('Chloé');
  await library.addLearner.click();
  await expect(library.currentLearner).toHaveText('Reading as Chloé');

  await library.learner('Bruno').focus();
  await liseuse.page.keyboard.press('Enter');
  await expect(library.currentLearner).toHaveText('Reading as Bruno');

  await library.nameInput.fill('bruno');
  await library.addLearner.click();
  await expect(library.alert).toContainText('There is already a learner called “bruno”.');
  await expectAccessible(liseuse.page, 'library with an error');

  await liseuse.restart();
  await expect(libraryPage(liseuse.page).currentLearner).toHaveText('Reading as Bruno');
});
