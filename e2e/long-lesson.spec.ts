// A lesson six times the article's length: it is read a page at a time, the keyboard walks across paragraphs and
// pages, and the place where the learner stopped is where the reader opens again.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callAnswered } from '../test/support/calls';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner } from './flows';
import { readerPage } from './pages/reader';
import { loadLesson } from '../src/core/lesson';
import { paginate } from '../src/core/reader/pages';
import { ARTICLE_DIR, ARTICLE_ID, readLessonFiles } from '../test/support/article';
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
