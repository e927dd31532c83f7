// A whole session with the keyboard alone: no click, no hover, no element.focus(). Every step is reached with
// Tab / Shift+Tab and worked with Enter, Space, the arrows, Escape, digits or typing, and focus is checked as it goes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { LESSON_TITLE, QUIZ_LENGTH } from './flows';
import { libraryPage } from './pages/library';
import { teacherPage } from './pages/profiles';
import { quizPage } from './pages/quiz';
import { readerPage } from './pages/reader';
import { reviewPage } from './pages/review';

/** The lesson's quiz as written, to answer each question right whatever order its options come in. */
interface QuizQuestion {
  id: string;
  type: string;
  prompt: string;
  mode?: 'typed' | 'choice';
  options?: { id: string; text: string }[];
  correct?: string | string[] | boolean;
  accepted?: string[];
  blank?: string;
  pairs?: { id: string; left: string; right: string }[];
  items?: { id: string; text: string }[];
}
const QUIZ = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'resources', 'lessons', 'kim-russie', 'quiz.json'), 'utf8')) as {
    questions: QuizQuestion[];
  }
).questions;

const focused = (page: Page): Locator => page.locator(':focus');

// tsconfig.node.json has no DOM library, on purpose (see security.spec.ts): the few browser objects the page
// functions below touch are typed here, and each reaches them through globalThis.
interface DomElement {
  tagName: string;
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  document: { activeElement: DomElement | null; body: DomElement };
  getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string; boxShadow: string };
}

/** What has focus, in words, for failure messages. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing (body)';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '';
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> “${name}”`;
  });
}

/** Presses Tab (or Shift+Tab) until the target has focus; fails, saying where focus got stuck, after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  await target.waitFor();
  const seen: string[] = [];
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === (globalThis as unknown as PageGlobals).document.activeElement)) return;
    if (i === max) break;
    await page.keyboard.press(key);
    if (seen.length < 80) seen.push(await describeFocus(page));
  }
  throw new Error(`${key} did not reach ${target.toString()} in ${max} presses. Focus went: ${seen.join(' → ')}`);
}

/** The focused control shows where it is: an outline (not 'none', not zero-width) or a box shadow. */
async function expectFocusIndicator(page: Page, where: string): Promise<void> {
  const style = await focused(page).evaluate((el) => {
    const s = (globalThis as unknown as PageGlobals).getComputedStyle(el);
    return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
  });
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  expect(outline || shadow, `no visible focus indicator on ${where}: ${JSON.stringify(style)}`).toBe(true);
}

/** Answers the question on screen, right, with keys only, and checks it with Enter. */
async function answerWithKeyboard(page: Page): Promise<void> {
  const quiz = quizPage(page);
  const form = page.locator('form.question');
  const prompt = (await quiz.prompt.textContent())?.trim();
  const question = QUIZ.find((q) => q.prompt === prompt);
  if (!question) throw new Error(`no question with the prompt “${prompt}”`);

  if (question.type === 'short-answer' || (question.type === 'cloze' && question.mode === 'typed')) {
    await tabTo(page, quiz.typed);
    await page.keyboard.type(question.type === 'cloze' ? (question.blank ?? '') : (question.accepted?.[0] ?? ''));
    // Enter in the text box submits the form.
    await page.keyboard.press('Enter');
    return;
  }

  if (question.type === 'open') {
    await tabTo(page, quiz.open);
    await page.keyboard.type('Kim et Poutine se sont rencontrés à Vostochni.');
    // Enter in a multi-line field starts a new line: the check button is the next stop.
    await tabTo(page, quiz.check, 4);
    await page.keyboard.press('Enter');
    return;
  }

  if (question.type === 'single' || question.type === 'true-false' || question.type === 'cloze') {
    const radios = form.locator('input[type=radio]');
    const labels = (await form.locator('label.option').allTextContents()).map((t) => t.trim());
    const want =
      question.type === 'true-false'
        ? question.correct
          ? 'True'
          : 'False'
        : (question.options?.find((o) => o.id === question.correct)?.text ?? '');
    const index = labels.indexOf(want);
    expect(index, `option “${want}” among ${JSON.stringify(labels)}`).toBeGreaterThanOrEqual(0);
    // Tab enters an unanswered group on its first radio; Space checks it, an arrow moves and checks.
    await tabTo(page, radios.first());
    await expectFocusIndicator(page, 'a radio button');
    if (index === 0) await page.keyboard.press('Space');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect(radios.nth(index)).toBeFocused();
    await expect(radios.nth(index)).toBeChecked();
  } else if (question.type === 'multiple') {
    const boxes = form.locator('input[type=checkbox]');
    const labels = (await form.locator('label.option').allTextContents()).map((t) => t.trim());
    const right = new Set((question.correct as string[]).map((id) => question.options?.find((o) => o.id === id)?.text));
    await tabTo(page, boxes.first());
    for (let i = 0; i < labels.length; i++) {
      await expect(boxes.nth(i)).toBeFocused();
      if (right.has(labels[i])) await page.keyboard.press('Space');
      if (i < labels.length - 1) await page.keyboard.press('Tab');
    }
    for (let i = 0; i < labels.length; i++) await expect(boxes.nth(i)).toBeChecked({ checked: right.has(labels[i]) });
  } else if (question.type === 'matching') {
    const selects = form.locator('select');
    const count = await selects.count();
    expect(count).toBe(question.pairs?.length);
    // In the order they are on screen: Tab goes from one to the next.
    for (let n = 0; n < count; n++) {
      const select = selects.nth(n);
      const label = await select.getAttribute('aria-label');
      const pair = question.pairs?.find((p) => label === `Meaning of ${p.left}`);
      if (!pair) throw new Error(`no pair for ${label}`);
      const options = (await select.locator('option').allTextContents()).map((t) => t.trim());
      const index = options.indexOf(pair.right);
      expect(index).toBeGreaterThan(0);
      await tabTo(page, select, 3);
      // A closed select steps through its options with the arrow keys.
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      await expect(select.locator('option:checked')).toHaveText(pair.right);
    }
  } else if (question.type === 'ordering') {
    const wanted = question.items ?? [];
    const items = form.locator('.ordering .item');
    // Each item in turn is moved up to its place with its "Move up" button; focus stays with the item.
    for (let place = 0; place < wanted.length; place++) {
      const { id, text } = wanted[place]!;
      let at = (await items.allTextContents()).indexOf(text);
      if (at === place) continue;
      await tabTo(page, form.getByRole('button', { name: `Move up: ${text}`, exact: true }));
      while (at > place) {
        await page.keyboard.press('Enter');
        at -= 1;
        await expect(items.nth(at)).toHaveText(text);
        await expect(focused(page)).toHaveAttribute('id', at === 0 ? `move-down-${id}` : `move-up-${id}`);
      }
    }
    await expect(items).toHaveText(wanted.map((i) => i.text));
  } else {
    throw new Error(`unknown question type ${question.type}`);
  }
  await tabTo(page, quiz.check);
  await page.keyboard.press('Enter');
}

test('a learner and a teacher do everything with the keyboard alone', async ({ liseuse }) => {
  test.setTimeout(180_000);
  const { page } = liseuse;
  const library = libraryPage(page);
  const reader = readerPage(page);
  const quiz = quizPage(page);
  const review = reviewPage(page);
  const teacher = teacherPage(page);
  await expect(library.heading).toBeVisible();

  // ---- A learner types their name. ----
  await page.keyboard.press('Tab');
  await expect(focused(page)).toHaveText('Skip to content');
  await expectFocusIndicator(page, 'the skip link');
  await tabTo(page, library.nameInput);
  await expectFocusIndicator(page, 'the name field');
  await page.keyboard.type('Zoé');
  await page.keyboard.press('Enter');
  await expect(library.currentLearner).toHaveText('Reading as Zoé');

  // ---- The lesson, word by word. ----
  await tabTo(page, library.readLesson(LESSON_TITLE));
  await expectFocusIndicator(page, 'the Read button');
  await page.keyboard.press('Enter');
  await expect(reader.title).toHaveText(LESSON_TITLE);
  // A new screen takes focus (here its main region, before the text is in), not <body>.
  await expect(page.getByRole('main')).toBeFocused();
  // The text is one tab stop; the arrows move inside it.
  await tabTo(page, reader.text.locator('button.word[tabindex="0"]'));
  await expect(reader.focusedWord).toHaveText('Ce');
  await expectFocusIndicator(page, 'a word of the text');
  await page.keyboard.press('ArrowRight');
  await expect(reader.focusedWord).toHaveText('voyage');
  await page.keyboard.press('Enter');
  await expect(reader.card).toBeFocused();
  await expect(reader.cardTitle).toHaveText('voyage');
  await expect(reader.lemma).toHaveText('voyage');
  await expect(reader.sense).toHaveText('trip');
  await page.keyboard.press('Escape');
  await expect(reader.card).toBeHidden();
  await expect(reader.focusedWord).toHaveText('voyage');

  for (const word of ['qui', 'a', 'retenu']) {
    await page.keyboard.press('ArrowRight');
    await expect(reader.focusedWord).toHaveText(word);
  }
  await page.keyboard.press('Enter');
  await expect(reader.cardTitle).toHaveText('retenu');
  await expect(reader.lemma).toHaveText('retenir');
  await expect(reader.grammar).toHaveText('verb: passé composé, 3rd person singular (a retenu)');
  await expect(reader.sense).toHaveText('kept');
  // Tab stays in the card and reaches its status buttons.
  await tabTo(page, reader.status('Learning'), 6);
  await expectFocusIndicator(page, 'a status button of the gloss card');
  await page.keyboard.press('Enter');
  await expect(reader.status('Learning')).toHaveAttribute('aria-pressed', 'true');
  await expect(reader.card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reader.card).toBeHidden();
  await expect(reader.focusedWord).toHaveText('retenu');
  await expect(reader.word('retenu')).toHaveClass(/learning/);
  await expect(reader.word('retenu')).toContainText('(learning)');

  // Down to the next paragraph and back up.
  await page.keyboard.press('ArrowDown');
  await expect(reader.focusedWord).toHaveText('Le');
  await page.keyboard.press('ArrowUp');
  await expect(reader.focusedWord).toHaveText('Ce');

  // Tab leaves the text for the paragraph's translation button.
  await tabTo(page, reader.showTranslation(1), 3);
  await page.keyboard.press('Enter');
  await expect(reader.showTranslation(1)).toHaveAttribute('aria-expanded', 'true');
  await expect(reader.translation(1)).toContainText('This trip, which kept Kim in Russia for seven days');
  await expect(reader.showTranslation(1)).toBeFocused();

  // Back to the library, backwards through the header.
  await tabTo(page, reader.back, 10, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(library.heading).toBeFocused();

  // ---- The whole comprehension quiz. ----
  await tabTo(page, quiz.take);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Comprehension quiz' })).toBeFocused();
  for (let n = 1; n <= QUIZ_LENGTH; n++) {
    await expect(quiz.progress).toHaveText(`Question ${n} of ${QUIZ_LENGTH}`);
    // After "Next question" (gone with its feedback) focus is on the new question's prompt.
    if (n > 1) await expect(quiz.prompt).toBeFocused();
    await answerWithKeyboard(page);
    // The verdict takes focus, so it is met (and read out) first.
    // An open answer has no key: it goes to the teacher.
    await expect(quiz.verdict).toHaveText(/Correct|Sent to your teacher/);
    await expect(quiz.verdict).toBeFocused();
    const next = n < QUIZ_LENGTH ? quiz.next : quiz.finish;
    await tabTo(page, next, 4);
    if (n === 1) await expectFocusIndicator(page, 'the Next button');
    await page.keyboard.press('Enter');
  }
  await expect(quiz.finalScore).toHaveText('Score: 100% · best 100%');
  await expect(quiz.awaiting).toHaveText('2 questions await the teacher: the score counts the others until then.');
  await expect(focused(page)).toHaveText('Your result');
  await tabTo(page, quiz.library);
  await page.keyboard.press('Enter');
  await expect(library.heading).toBeFocused();
  await expect(quiz.cardScores).toHaveText('Quiz: last 100% · best 100% · 1 attempt');

  // ---- Review: voyage (looked up) and retenir (learning) are due. Space shows, digits grade. ----
  await expect(review.dueCount).toContainText('2 words to review now');
  await tabTo(page, review.openReview);
  await page.keyboard.press('Enter');
  await expect(review.cardHeading).toHaveText('Word 1 of 2');
  await expect(review.reveal).toBeFocused();
  await expectFocusIndicator(page, 'the Show the meaning button');
  await page.keyboard.press('Space');
  await expect(review.answer).toBeFocused();
  await expect(review.sense).toBeVisible();
  await page.keyboard.press('3');
  await expect(review.cardHeading).toHaveText('Word 2 of 2');
  await expect(review.reveal).toBeFocused();
  await page.keyboard.press('Space');
  await expect(review.sense).toBeVisible();
  await page.keyboard.press('4');
  await expect(review.done).toContainText('You reviewed 2 words.');
  await expect(focused(page)).toHaveText('Review done');
  await tabTo(page, review.done.getByRole('button', { name: 'Back to the library' }));
  await page.keyboard.press('Enter');
  await expect(library.heading).toBeFocused();
  await expect(review.dueCount).toContainText('No words to review now · 2 words in review');

  // ---- The teacher: a PIN typed twice, a report tab chosen with the arrows, one export. ----
  await tabTo(page, teacher.open);
  await page.keyboard.press('Enter');
  await expect(teacher.setHeading).toBeVisible();
  await expect(teacher.heading).toBeFocused();
  await tabTo(page, teacher.pin);
  await expectFocusIndicator(page, 'the PIN field');
  await page.keyboard.type('246813');
  await page.keyboard.press('Tab');
  await expect(teacher.pinAgain).toBeFocused();
  await page.keyboard.type('246813');
  await page.keyboard.press('Enter');
  await expect(teacher.reportsHeading).toBeVisible();
  await expect(page.getByTestId('class-report')).toContainText('Zoé');

  await tabTo(page, page.getByRole('tab', { name: 'Class overview' }));
  await expectFocusIndicator(page, 'a report tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Questions' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Questions' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('item-analysis')).toContainText('How long did Kim stay in Russia?');

  const exportButton = page.getByRole('button', { name: 'Class summary (CSV)' });
  await tabTo(page, exportButton);
  await expectFocusIndicator(page, 'an export button');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/^liseuse-kim-russie-class-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('liseuse-kim-russie-class-');

  // An open answer graded: the last tab, a score picked with the arrows, a comment typed, saved with Enter.
  await tabTo(page, page.getByRole('tab', { name: 'Questions' }), 60, 'Shift+Tab');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'To grade' })).toBeFocused();
  const firstAnswer = page.getByTestId('open-answer').first();
  await tabTo(page, firstAnswer.getByLabel('0%', { exact: true }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(firstAnswer.getByLabel('50%', { exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(firstAnswer.getByLabel('Comment for the learner')).toBeFocused();
  await page.keyboard.type('Il manque le lieu du sommet.');
  await page.keyboard.press('Tab');
  await expect(firstAnswer.getByRole('button', { name: 'Save the grade' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Grade saved' })).toHaveText('Grade saved for Zoé.');
  await expect(page.getByTestId('to-grade-count')).toHaveText('1 answer to grade.');

  await tabTo(page, teacher.lock);
  await page.keyboard.press('Enter');
  await expect(library.heading).toBeFocused();
});

test('opening a screen puts focus on its title, just after the way back', async ({ liseuse }) => {
  const { page } = liseuse;
  const library = libraryPage(page);
  const review = reviewPage(page);
  await expect(library.heading).toBeVisible();
  // Start-up leaves focus alone: the first Tab meets the skip link.
  await page.keyboard.press('Tab');
  await expect(focused(page)).toHaveText('Skip to content');
  await tabTo(page, library.nameInput);
  await page.keyboard.type('Zoé');
  await page.keyboard.press('Enter');
  await expect(library.currentLearner).toHaveText('Reading as Zoé');

  for (const [button, title] of [
    [page.getByRole('button', { name: 'My progress' }), 'Zoé’s progress'],
    [review.openWords, 'My words'],
  ] as const) {
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
    // Just before the title, in the header, is the way back.
    await page.keyboard.press('Shift+Tab');
    await expect(review.back).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(library.heading).toBeFocused();
  }
});
