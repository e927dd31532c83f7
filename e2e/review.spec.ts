import { test, expect, expectAccessible } from './fixtures';
import { addLearner, lookUpWords, markWord, openLessonQuietly } from './flows';
import { reviewPage } from './pages/review';

test('a review session goes through the words due, by keyboard and mouse, and updates the due counts', async ({ liseuse }) => {
  let { page } = liseuse;
  await addLearner(page, 'Ana');
  let review = reviewPage(page);
  await expect(review.dueCount).toContainText('No words to review now');
  await lookUpWords(page, ['voyage', 'retenu', 'blindé']);
  await expect(review.dueCount).toContainText('3 words to review now');

  await review.openReview.click();
  await expect(review.cardHeading).toHaveText('Word 1 of 3');
  // The longest overdue first, in the sentence it was met in.
  await expect(review.marked).toHaveText('voyage');
  await expect(review.card.locator('p[lang="fr"]').first()).toContainText('Ce voyage, qui a retenu Kim en Russie');
  await expect(review.reveal).toBeFocused();
  await expectAccessible(page, 'review card');
  await page.keyboard.press('Space');
  await expect(review.sense).toHaveText('trip, journey');
  await expect(review.answer).toBeFocused();
  await expectAccessible(page, 'review card, meaning shown');
  await page.keyboard.press('3');

  await expect(review.cardHeading).toHaveText('Word 2 of 3');
  await expect(review.marked).toHaveText('retenu');
  await review.reveal.click();
  await expect(review.sense).toHaveText('kept (in Russia)');
  await review.rating('Easy').click();

  await expect(review.cardHeading).toHaveText('Word 3 of 3');
  await expect(review.marked).toHaveText('blindé');
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');

  await expect(review.done).toContainText('You reviewed 3 words.');
  // "Again" brings blindé back in a minute, not now.
  await expect(review.dueNow).toHaveText('No words to review now');
  await review.back.click();
  await expect(review.dueCount).toContainText('No words to review now · 3 words in review');

  // Every grading was saved: after a restart nothing is due yet.
  await liseuse.restart();
  page = liseuse.page;
  review = reviewPage(page);
  await expect(review.dueCount).toContainText('No words to review now · 3 words in review');
  await review.openReview.click();
  await expect(review.done).toContainText('Nothing to review now.');
});

test('"My words": looked-up and learning words with their sentence; a known word leaves the queue and comes back as learning', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Bruno');
  const review = reviewPage(page);
  await review.openWords.click();
  await expect(review.noWords).toBeVisible();
  await review.back.click();

  await lookUpWords(page, ['voyage']);
  let reader = await openLessonQuietly(page);
  await markWord(page, 'train', 'Learning');
  await reader.back.click();
  await expect(review.dueCount).toContainText('2 words to review now');

  await review.openWords.click();
  await expect(review.wordsCount).toHaveText('2 words');
  const voyage = review.word('voyage');
  await expect(voyage).toContainText('trip, journey');
  await expect(voyage).toContainText('New');
  await review.openDetails('voyage').click();
  await expect(review.details.locator('mark')).toHaveText('voyage');
  await expect(review.details).toContainText('Ce voyage, qui a retenu Kim en Russie pendant sept jours');
  await expect(review.details.getByTestId('word-sense')).toHaveText('trip, journey');
  await expect(review.word('train')).toContainText('Learning');
  await review.openDetails('train').click();
  await expect(review.details).toContainText('« train blindé »: armoured train');
  await expectAccessible(page, 'my words');
  await review.back.click();

  // Known: out of the queue.
  reader = await openLessonQuietly(page);
  await markWord(page, 'voyage', 'Known');
  await reader.back.click();
  await expect(review.dueCount).toContainText('1 word to review now · 1 word in review');
  await review.openWords.click();
  await expect(review.word('voyage')).toContainText('Not reviewed (known)');
  await review.back.click();

  // Learning again: back in the queue.
  reader = await openLessonQuietly(page);
  await markWord(page, 'voyage', 'Learning');
  await reader.back.click();
  await expect(review.dueCount).toContainText('2 words to review now');
});

test('the review card is accessible in the dark and sepia themes', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Chloé');
  await lookUpWords(page, ['Vostochni']);
  const review = reviewPage(page);
  for (const theme of ['Dark', 'Sepia'] as const) {
    const reader = await openLessonQuietly(page);
    await reader.display.click();
    await reader.theme(theme).check();
    await reader.back.click();
    await review.openReview.click();
    await expect(review.marked).toHaveText('Vostochni');
    await review.reveal.click();
    await expect(review.answer).toContainText('Name');
    await expectAccessible(page, `review card, ${theme} theme`);
    await review.back.click();
  }
});
