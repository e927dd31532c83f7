// What the reader records as the learner reads: look-ups, the words that enter review, reading time, and
// "mark the rest of this page as known".
import { onAnswered, callAnswered } from '../test/support/calls';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, lookUpWords, openLessonQuietly } from './flows';
import { libraryPage } from './pages/library';
import { reviewPage } from './pages/review';

test('a pointer sliding over the text is no look-up, nor a card opened only to set a status; a click is one, and reopening adds none', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Amélie');
  let calls = 0;
  onAnswered(page, 'reading:lookup', () => (calls += 1));
  const reader = await openLessonQuietly(page);

  // Along the first line, resting on each word long enough for its preview to open.
  const first = await reader.word('Ce').boundingBox();
  const last = await reader.word('Russie').boundingBox();
  if (!first || !last) throw new Error('the first line is not laid out');
  const y = first.y + first.height / 2;
  for (let x = first.x + 2; x <= last.x + last.width - 2; x += 12) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(40);
  }
  await expect(reader.card).toBeVisible();
  await expect(reader.cardTitle).toHaveText('Russie');
  await page.mouse.move(0, 0);
  await expect(reader.card).toBeHidden();
  await expect(reader.lookupCount).toHaveText('0 look-ups');
  expect(calls).toBe(0);

  // A card opened only to set a status is no look-up: the learner said they know the word.
  await reader.word('voyage').click();
  await reader.status('Known').click();
  await expect(reader.status('Known')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(reader.card).toBeHidden();
  await expect(reader.lookupCount).toHaveText('0 look-ups');

  // A card opened and read (left open a moment) is one.
  await reader.word('retenu').click();
  await expect(reader.lookupCount).toHaveText('1 look-up');
  await page.keyboard.press('Escape');
  await reader.word('retenu').click();
  await expect(reader.cardTitle).toHaveText('retenu');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expect(reader.card).toBeFocused();
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await expect(reader.lookupCount).toHaveText('1 look-up');
  expect(calls).toBe(1);
});

test('the gloss card leaves its word\'s whole line in view, above or below it', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Eli');
  const reader = await openLessonQuietly(page);
  for (const form of ['retenu', 'arrivée', 'blindé']) {
    await reader.word(form).scrollIntoViewIfNeeded();
    await reader.word(form).click();
    await expect(reader.cardTitle).toHaveText(form);
    const word = await reader.word(form).boundingBox();
    const card = await reader.card.boundingBox();
    const viewport = page.viewportSize();
    if (!word || !card || !viewport) throw new Error('not laid out');
    const clearOfLine = card.y >= word.y + word.height || card.y + card.height <= word.y;
    expect(clearOfLine, `${form}: card ${JSON.stringify(card)} word ${JSON.stringify(word)}`).toBe(true);
    expect(card.y).toBeGreaterThanOrEqual(0);
    expect(card.y + card.height).toBeLessThanOrEqual(viewport.height);
    await page.keyboard.press('Escape');
  }

  // The elided article names the word it is written onto.
  await reader.word('agence').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await expect(reader.focusedWord).toHaveText('l’');
  // Its target reaches over the space before it: wider than its two letters, not over the word it is written onto.
  const article = await page.locator('button.word:focus').boundingBox();
  const agence = await reader.word('agence').boundingBox();
  if (!article || !agence) throw new Error('not laid out');
  expect(article.width).toBeGreaterThanOrEqual(18);
  expect(article.x + article.width).toBeLessThanOrEqual(agence.x + 1);
  await page.keyboard.press('Enter');
  await expect(reader.card.getByTestId('gloss-attached')).toHaveText('l’agence: elided before “agence”');
  await expectAccessible(page, 'gloss card of an elided article');
});

test('grammatical words looked up do not reach the review queue', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Bruno');
  await lookUpWords(page, ['Le', 'qui', 'et', 'voyage']);
  const review = reviewPage(page);
  await expect(review.dueCount).toContainText('1 word to review now');
  await review.openReview.click();
  await expect(review.cardHeading).toHaveText('Word 1 of 1');
  await expect(review.marked).toHaveText('voyage');
});

test('reading time counts only while the learner acts, and reads as time spent, not an estimate', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Chloé');
  await page.clock.install();
  let reader = await openLessonQuietly(page);
  const time = page.getByTestId('reading-time');
  await expect(time).toHaveText(/^about \d+ min$/);

  // Three and a half minutes without a key, a pointer move or a scroll: one minute counts.
  await page.clock.runFor('03:30');
  await reader.back.click();
  await expect(libraryPage(page).heading).toBeVisible();
  reader = await openLessonQuietly(page);
  await expect(time).toHaveText('read for 1 min');

  // Reading on, with a key now and then: every minute counts.
  for (let minute = 0; minute < 2; minute++) {
    await page.keyboard.press('ArrowRight');
    await page.clock.runFor('00:50');
    await page.keyboard.press('ArrowLeft');
    await page.clock.runFor('00:10');
  }
  await reader.back.click();
  await openLessonQuietly(page);
  await expect(time).toHaveText('read for 3 min');
});

test('"mark the rest of this page as known" marks the new words known, and undo puts them back', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Dara');
  const reader = await openLessonQuietly(page);
  await reader.word('retenu').click();
  // Counting starts once this status is saved: its answer must not be counted as the page's.
  const learningSaved = callAnswered(page, 'reading:setStatus');
  await reader.status('Learning').click();
  await learningSaved;
  await page.keyboard.press('Escape');

  const markRest = page.getByRole('button', { name: 'Mark the rest of this page as known' });
  const calls = { one: 0, many: 0 };
  onAnswered(page, 'reading:setStatus', () => (calls.one += 1));
  onAnswered(page, 'reading:setStatuses', () => (calls.many += 1));
  await markRest.click();
  await expect(page.getByText(/^\d+ words marked known\.$/)).toBeVisible();
  // The whole page in one call (one transaction), not one call per word.
  await expect.poll(() => ({ ...calls })).toEqual({ one: 0, many: 1 });
  await expect(reader.word('voyage')).toHaveClass(/known/);
  await expect(reader.word('Kim')).toHaveClass(/known/);
  await expect(reader.word('retenu')).toHaveClass(/learning/);
  await expect(page.locator('button.word.new')).toHaveCount(0);
  await expectAccessible(page, 'reader after marking the rest of the page known');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(markRest).toBeVisible();
  await expect(page.locator('button.word.known')).toHaveCount(0);
  await expect.poll(() => ({ ...calls })).toEqual({ one: 0, many: 2 });
  await expect(reader.word('voyage')).toHaveClass(/new/);
  await expect(reader.word('retenu')).toHaveClass(/learning/);
  await expect(page.locator('button.word.known')).toHaveCount(0);

  // Kept: the statuses come back from the backend after a restart.
  await markRest.click();
  await expect(page.getByText(/^\d+ words marked known\.$/)).toBeVisible();
  await liseuse.restart();
  const again = await openLessonQuietly(liseuse.page);
  await expect(again.word('voyage')).toHaveClass(/known/);
  await expect(again.word('retenu')).toHaveClass(/learning/);
});
