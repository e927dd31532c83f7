import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, openLessonQuietly } from './flows';
import { reviewPage } from './pages/review';

/** Presses the mouse on `from` and lets it go on `to`, as a learner drags across words. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('both words must be on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 5 });
  await page.mouse.up();
}

test('a drag or Shift+arrows selects words: the expression they form, else each word’s sense, and the sentence’s translation', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Jeanne');
  const reader = await openLessonQuietly(page);
  const selection = page.getByTestId('selection-card');

  // Dragging across « il y a plus de dix ans » shows the expression, not the last word's card.
  await drag(page, reader.word('il'), reader.word('ans'));
  await expect(selection).toBeVisible();
  await expect(reader.card).toBeHidden();
  await expect(selection.getByRole('heading', { level: 2 })).toContainText('« il y a plus de dix ans »');
  await expect(selection.getByTestId('selection-expression')).toContainText('more than ten years ago');
  await selection.getByRole('button', { name: 'Translate the sentence' }).click();
  await expect(selection.getByTestId('selection-translation')).toHaveText(/^This trip, which kept Kim in Russia for seven days, .* more than ten years ago\.$/u);
  await expectAccessible(page, 'reader with a phrase selected');
  // Saved to My words as a phrase, with its sentence.
  await selection.getByRole('button', { name: 'Save to My words as a phrase' }).click();
  await expect(selection.getByRole('status')).toHaveText('Saved to My words, with its sentence.');
  await selection.getByRole('button', { name: 'Close' }).click();
  await reader.back.click();
  const review = reviewPage(page);
  await review.openWords.click();
  // Its row is titled by the phrase's text, never its "phrase:" key; its sentence is in the row's details.
  const phrase = review.word('phrase:il y a plus de dix ans');
  await expect(phrase.getByRole('rowheader')).toHaveText(/^il y a plus de dix ans/u);
  await expect(phrase).toContainText('Phrase');
  await expect(phrase).toContainText('more than ten years ago');
  await expect(phrase).not.toContainText('phrase:');
  await review.openDetails('phrase:il y a plus de dix ans').click();
  await expect(review.details.locator('mark')).toHaveText('il y a plus de dix ans');
  await expect(review.details).toContainText('Ce voyage, qui a retenu Kim');
  await review.back.click();
  await openLessonQuietly(page);

  // One word's card offers its sentence's translation too.
  await reader.word('Lundi').click();
  await reader.card.getByText('Translate the sentence').click();
  await expect(reader.card.getByTestId('gloss-sentence-translation')).toHaveText('On Monday, according to KCNA.');
  await page.keyboard.press('Escape');

  // Words that form no expression: each word's sense in this sentence, in order.
  await drag(page, reader.word('sept'), reader.word('jours'));
  await expect(selection.getByTestId('selection-words').getByRole('listitem')).toHaveText(['sept: seven', 'jours: days']);

  // Keyboard: Shift+arrows grow the selection from the word with the focus; Esc lets it go.
  await reader.word('agence').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(selection.getByRole('heading', { level: 2 })).toContainText('« agence de presse »');
  await expect(selection.getByTestId('selection-expression')).toContainText('news agency');
  await expect(reader.focusedWord).toHaveText('presse');
  // Only the second paragraph's one sentence is translated: « Lundi, selon KCNA. » has its own.
  await page.keyboard.press('Escape');
  await expect(selection).toBeHidden();
  await reader.word('Lundi').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await selection.getByRole('button', { name: 'Translate the sentence' }).click();
  await expect(selection.getByTestId('selection-translation')).toHaveText('On Monday, according to KCNA.');
});

test('interlinear glosses under a sentence are the senses of its words there, an expression’s said once', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Jeanne');
  const reader = await openLessonQuietly(page);
  await reader.display.click();
  await reader.interlinear.selectOption('all');
  const under = (form: string, nth = 0): Locator => reader.word(form, nth).locator('.il');
  // Paragraph 1: "qui a retenu … est le plus long … il y a plus de dix ans".
  await expect(under('qui')).toHaveText('which');
  await expect(under('a')).toHaveText('has');
  await expect(under('retenu')).toHaveText('kept');
  await expect(under('jours')).toHaveText('days');
  await expect(under('est')).toHaveText('is');
  await expect(under('il')).toHaveText('more than ten years ago');
  for (const word of ['y', 'plus', 'dix', 'ans']) await expect(under(word, word === 'plus' ? 1 : 0)).toBeHidden();
  // « agence de presse »: news agency once, nothing under de.
  await expect(under('agence')).toHaveText('news agency');
  await expect(under('de', 2)).toBeHidden();
  // The sentence that comes back in paragraph 5 reads the same under the same words.
  await expect(reader.paragraph(5).locator('button.word .il').first()).toHaveText('this');
  await expect(reader.paragraph(5).locator('button.word').nth(2).locator('.il')).toHaveText('which');
  await expectAccessible(page, 'reader with glosses under every word');
});
