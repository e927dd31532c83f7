import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onAnswered, callAnswered } from '../test/support/calls';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, openLesson, LESSON_TITLE } from './flows';
import { libraryPage } from './pages/library';
import { readerPage } from './pages/reader';

test('glosses open by mouse, keyboard and hover, with the sense of the word in its sentence', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Amélie');
  // The card says how hard the text is and where and when it comes from.
  const lessonCard = libraryPage(page).lesson(LESSON_TITLE);
  await expect(lessonCard.getByText('Level B2', { exact: true })).toBeVisible();
  await expect(lessonCard.getByText(/^Source: News report written just after the visit, in September 2023; the outlet is not known\./)).toBeVisible();
  // Every look-up the backend saved; the header's count must match it (a hover is only a preview, never one).
  let saved = 0;
  onAnswered(page, 'reading:lookup', () => (saved += 1));
  const reader = await openLesson(page);

  // The article as written: every paragraph's text, character for character (spaces, guillemets, apostrophes).
  const lines = readFileSync(join(import.meta.dirname, '..', 'resources', 'lessons', 'kim-russie', 'text.fr.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0);
  for (const [n, line] of lines.entries()) {
    expect(await reader.paragraph(n + 1).locator('p[lang="fr"]').textContent()).toBe(line.trimEnd());
  }

  // Mouse: a verb in a compound tense.
  await reader.word('retenu').click();
  await expect(reader.cardTitle).toHaveText('retenu');
  await expect(reader.lemma).toHaveText('retenir');
  await expect(reader.grammar).toHaveText('verb: passé composé, 3rd person singular (a retenu)');
  // The sense in this sentence, as the interlinear line says it, then the dictionary's fuller sense.
  await expect(reader.sense).toHaveText('kept');
  await expect(reader.fullSense).toHaveText('kept (in Russia)');
  await expectAccessible(page, 'reader with a gloss open');

  // Esc closes it and gives focus back to the word.
  await page.keyboard.press('Escape');
  await expect(reader.card).toBeHidden();
  await expect(reader.focusedWord).toHaveText('retenu');

  // Keyboard: arrows move word to word; Enter opens the gloss.
  await page.keyboard.press('ArrowRight');
  await expect(reader.focusedWord).toHaveText('Kim');
  await page.keyboard.press('ArrowLeft');
  await expect(reader.focusedWord).toHaveText('retenu');
  await page.keyboard.press('ArrowDown');
  await expect(reader.focusedWord).toHaveText('Le');
  for (let i = 0; i < 40 && (await reader.focusedWord.textContent()) !== 'l’'; i++) await page.keyboard.press('ArrowRight');
  await expect(reader.focusedWord).toHaveText('l’');
  await page.keyboard.press('Enter');
  await expect(reader.cardTitle).toHaveText('l’');
  await expect(reader.lemma).toHaveText('la');
  await expect(reader.grammar).toHaveText('article, feminine singular');
  await expect(reader.sense).toHaveText('the');
  await expect(reader.note).toContainText('elided');
  await expect(reader.card).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reader.focusedWord).toHaveText('l’');

  // A word inside a multi-word expression shows the expression as a unit.
  await reader.word('retour').click();
  await expect(reader.sense).toHaveText('return');
  await expect(reader.expression).toContainText('« être de retour »: back (home again)');
  await reader.closeCard.click();

  // A name.
  await reader.word('Vostochni').click();
  await expect(reader.expression).toContainText('Name');
  await expect(reader.sense).toHaveText('Vostochny');
  await expect(reader.fullSense).toContainText('spaceport');
  await page.keyboard.press('Escape');

  // Hover shows the gloss after a short delay, without taking focus.
  await reader.word('blindé').hover();
  await expect(reader.cardTitle).toHaveText('blindé');
  await expect(reader.sense).toHaveText('armoured');
  // Nothing to add when the sense here is the dictionary's.
  await expect(reader.fullSense).toBeHidden();
  await expect(reader.expression).toContainText('armoured train');

  // The card never covers its word and stays inside the window.
  const word = await reader.word('blindé').boundingBox();
  const card = await reader.card.boundingBox();
  const viewport = page.viewportSize();
  expect(word && card && viewport).toBeTruthy();
  if (word && card && viewport) {
    const overlaps = word.x < card.x + card.width && card.x < word.x + word.width && word.y < card.y + card.height && card.y < word.y + word.height;
    expect(overlaps).toBe(false);
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.y).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(viewport.width);
    expect(card.y + card.height).toBeLessThanOrEqual(viewport.height);
  }
  // retenu, l’, retour and Vostochni, opened on purpose (blindé was only hovered): the count shown is the count saved.
  await expect.poll(() => saved).toBe(4);
  await expect(reader.lookupCount).toHaveText(`${saved} look-ups`);

  // Paragraph translation, revealed on demand.
  await reader.showTranslation(1).click();
  await expect(reader.translation(1)).toContainText('This trip, which kept Kim in Russia for seven days');
  await expect(reader.showTranslation(1)).toHaveAttribute('aria-expanded', 'true');
});

test('word status, reading position and display settings survive a restart', async ({ liseuse }) => {
  let { page } = liseuse;
  await addLearner(page, 'Bruno');
  let reader = await openLesson(page);

  await reader.word('voyage').click();
  await reader.status('Known').click();
  await expect(reader.status('Known')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  // Every occurrence of the lemma shows it, by colour and by text for screen readers.
  for (const nth of [0, 1, 2]) {
    await expect(reader.word('voyage', nth)).toHaveClass(/known/);
    await expect(reader.word('voyage', nth)).toContainText('(known)');
  }
  await reader.word('Russie').click();
  await reader.status('Learning').click();
  await page.keyboard.press('Escape');
  await expect(reader.word('Russie', 3)).toHaveClass(/learning/);

  await reader.display.click();
  await reader.theme('Dark').check();
  await reader.larger.click();
  await reader.lineSpacing.selectOption('2.0');
  await reader.interlinear.selectOption('unknown');
  await reader.dyslexicFont.check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-font', 'dyslexic');

  const positionSaved = callAnswered(page, 'reading:savePosition');
  await reader.word('missiles').click();
  await positionSaved;
  await page.keyboard.press('Escape');

  await liseuse.restart();
  page = liseuse.page;
  reader = await openLesson(page);
  await expect(reader.word('voyage', 1)).toHaveClass(/known/);
  await expect(reader.word('Russie', 0)).toHaveClass(/learning/);
  await expect(page.locator('button.word[tabindex="0"] .w')).toHaveText('missiles');
  await expect(reader.word('missiles')).toBeInViewport();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-font', 'dyslexic');
  // Glosses under "words not known": none under the known "voyage", the expression's under "train" (blindé).
  await expect(reader.word('voyage').locator('.il')).toBeHidden();
  await expect(reader.word('train').locator('.il')).toHaveText('armoured train');
  await reader.display.click();
  await expect(page.getByText('22 px')).toBeVisible();
  await expect(reader.lineSpacing).toHaveValue('2');
});

test('the reader is accessible in every theme: every status, glosses under the words, a gloss open, a phrase selected', async ({ liseuse }) => {
  // Six full axe runs: minutes on a busy two-core machine.
  test.slow();
  const { page } = liseuse;
  await addLearner(page, 'Chloé');
  const reader = readerPage(page);
  await openLesson(page);
  await reader.word('Russie').click();
  await reader.status('Learning').click();
  await reader.closeCard.click();
  await reader.word('voyage').click();
  await reader.status('Known').click();
  await reader.closeCard.click();
  await reader.display.click();
  await reader.interlinear.selectOption('all');
  for (const theme of ['Light', 'Dark', 'Sepia'] as const) {
    await reader.theme(theme).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    await reader.word('arrivée').click();
    await expect(reader.card).toBeVisible();
    await expectAccessible(page, `reader, ${theme} theme, glosses under the words, gloss open`);
    await page.keyboard.press('Escape');
    await expect(reader.focusedWord).toHaveText('arrivée');
    // « son arrivée au pouvoir »: two words chosen from the keyboard.
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByTestId('selection-card')).toBeVisible();
    await expectAccessible(page, `reader, ${theme} theme, a phrase selected`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('selection-card')).toBeHidden();
  }
});
