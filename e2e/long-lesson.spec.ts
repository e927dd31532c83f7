// A lesson six times the article's length: it is read a page at a time, the keyboard walks across paragraphs and
// pages, and the place where the learner stopped is where the reader opens again. A 20,000-word draft opens in the
// gloss editor a page at a time too, and "next unconfirmed" walks on to the next page.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callAnswered } from '../test/support/calls';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, setTeacherPin } from './flows';
import { readerPage } from './pages/reader';
import { loadLesson } from '../src/core/lesson';
import { paginate } from '../src/core/reader/pages';
import { ARTICLE_DIR, ARTICLE_ID, readArticleFile, readLessonFiles } from '../test/support/article';
import { repeatLesson, writeLessonFolder } from '../test/support/lessons';

const LONG_TITLE = 'Un long récit';
const LONG = repeatLesson(readLessonFiles(ARTICLE_DIR), 6, 'long', LONG_TITLE);

function longLessons(): string {
  const dir = mkdtempSync(join(tmpdir(), 'liseuse-long-'));
  cpSync(ARTICLE_DIR, join(dir, ARTICLE_ID), { recursive: true });
  writeLessonFolder(dir, 'long', LONG);
  return dir;
}

/** Paragraphs per page, by the reader's own rule. */
function pageSizes(): number[] {
  const lesson = loadLesson(LONG);
  const wordCounts = lesson.paragraphs.map((paragraph) => lesson.tokens.slice(paragraph.tokens[0], paragraph.tokens[1]).filter((t) => t.gloss).length);
  return paginate(wordCounts).map(([first, end]) => end - first);
}
const PAGES = pageSizes();
const [PAGE_1 = 0, PAGE_2 = 0] = PAGES;
const PARAGRAPHS = loadLesson(LONG).paragraphs.length;

test.use({ lessonsDir: longLessons() });

test('a long lesson is read a page at a time, by keyboard across pages, and reopens where the learner stopped', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Inès');
  await page.getByRole('article', { name: LONG_TITLE, exact: true }).getByRole('button', { name: 'Read', exact: true }).click();
  const reader = readerPage(page);
  const pagers = page.getByRole('navigation', { name: /^Pages/ });
  await expect(pagers.first()).toContainText(`Page 1 of ${PAGES.length}`);

  // The whole first page arrives (its first screenful at once, the rest just after), and only that page.
  const paragraphs = page.locator('section.paragraph');
  await expect(paragraphs).toHaveCount(PAGE_1);
  await expect(reader.paragraph(1)).toBeVisible();
  await expect(reader.paragraph(PAGE_1)).toBeAttached();
  await expect(reader.paragraph(PAGE_1 + 1)).toHaveCount(0);

  // From the last word of the page, → turns the page and the keyboard lands on the next page's first word.
  const lastWord = reader.paragraph(PAGE_1).locator('button.word').last();
  await lastWord.click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await expect(pagers.first()).toContainText(`Page 2 of ${PAGES.length}`);
  await expect(reader.paragraph(PAGE_1 + 1)).toBeVisible();
  await expect(paragraphs).toHaveCount(PAGE_2);
  const firstOfPage2 = (await reader.paragraph(PAGE_1 + 1).locator('button.word').first().getAttribute('data-token')) ?? '';
  await expect(page.locator('button.word:focus')).toHaveAttribute('data-token', firstOfPage2);
  // ← goes back to the word it came from, on page 1.
  await page.keyboard.press('ArrowLeft');
  await expect(pagers.first()).toContainText(`Page 1 of ${PAGES.length}`);
  await expect(page.locator('button.word:focus')).toHaveAttribute('data-token', (await lastWord.getAttribute('data-token')) ?? '');

  // The pager's buttons, and a word looked up on the last page is where the reader reopens after a restart.
  for (let n = 2; n <= PAGES.length; n++) {
    await pagers.first().getByRole('button', { name: 'Next page' }).click();
    await expect(pagers.first()).toContainText(`Page ${n} of ${PAGES.length}`);
  }
  await expect(pagers.first()).toContainText(`Page ${PAGES.length} of ${PAGES.length}`);
  await expect(pagers.first().getByRole('button', { name: 'Next page' })).toBeDisabled();
  const far = reader.paragraph(PARAGRAPHS - 1).locator('button.word').nth(3);
  const positionSaved = callAnswered(page, 'reading:savePosition');
  await far.click();
  await expect(reader.card).toBeVisible();
  const token = await far.getAttribute('data-token');
  await page.keyboard.press('Escape');
  await expectAccessible(page, 'a long lesson, its last page');
  // The position is saved a moment after the look-up; a restart must find it.
  await positionSaved;
  await liseuse.restart();
  await page.getByRole('article', { name: LONG_TITLE, exact: true }).getByRole('button', { name: 'Read', exact: true }).click();
  await expect(pagers.first()).toContainText(`Page ${PAGES.length} of ${PAGES.length}`);
  await expect(page.locator(`button.word[data-token="${token}"]`)).toBeInViewport();
});

/** The article's paragraphs over and over, to 20,000 words and more, as a teacher would paste a book chapter. */
function longDraftText(): { text: string; words: number } {
  const article = readArticleFile('text.fr.txt')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const perCopy = article.join(' ').split(/\s+/).length;
  const copies = Math.ceil(20_000 / perCopy);
  return { text: Array.from({ length: copies }, () => article.join('\n')).join('\n'), words: copies * perCopy };
}

test('a 20,000-word draft opens in the gloss editor a page at a time, and next unconfirmed turns the page', async ({ liseuse }) => {
  const { page } = liseuse;
  const { text, words } = longDraftText();
  expect(words).toBeGreaterThanOrEqual(20_000);
  await setTeacherPin(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByLabel('French text').fill(text);
  await page.getByLabel('Title (French)').fill('Un long brouillon');
  await page.getByRole('button', { name: 'Create the draft' }).click();
  // Glossing 20,000 words offline takes the backend a few seconds, several times that on a machine shared with others.
  await expect(page.getByRole('heading', { name: 'Editing “Un long brouillon”' })).toBeVisible({ timeout: 120_000 });

  // One page of the text is drawn, not the whole draft, and the pager says how many there are.
  const pager = page.getByRole('navigation', { name: 'Pages', exact: true });
  await expect(pager).toContainText(/Page 1 of \d+/);
  const pages = Number(/of (\d+)/.exec((await pager.textContent()) ?? '')?.[1]);
  expect(pages).toBeGreaterThanOrEqual(20_000 / 600);
  const textGroup = page.getByRole('group', { name: /The text, word by word/ });
  const drawn = await textGroup.getByRole('button').count();
  expect(drawn).toBeGreaterThan(100);
  expect(drawn).toBeLessThan(1_000);

  // From the page's last word, "Next unconfirmed" moves to a word of page 2, and the keyboard is on it.
  const firstOfPage1 = await textGroup.getByRole('button').first().textContent();
  await textGroup.getByRole('button').last().click();
  await page.getByRole('button', { name: 'Next unconfirmed' }).click();
  await expect(pager).toContainText(`Page 2 of ${pages}`);
  const focused = textGroup.locator('button:focus');
  await expect(focused).toBeInViewport();
  await expect(focused).toHaveAttribute('aria-pressed', 'true');
  // Enter confirms it (autosaved), and N walks on.
  const status = await focused.getAttribute('data-status');
  expect(status).not.toBe('confirmed');
  const confirmedId = await focused.getAttribute('id');
  await page.keyboard.press('Enter');
  await expect(page.locator(`#${confirmedId}`)).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('save-state')).toHaveText(/All changes saved/);
  // The pager goes back; page 1 is drawn again as it was.
  await pager.getByRole('button', { name: 'Previous page' }).click();
  await expect(pager).toContainText(`Page 1 of ${pages}`);
  await expect(textGroup.getByRole('button').first()).toHaveText(firstOfPage1 ?? '');
  await expectAccessible(page, 'a long draft in the gloss editor');
  await page.screenshot({ path: '/tmp/long-draft-1200.png' });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: '/tmp/long-draft-320.png' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
