// Steps several specs share, written as a user would do them.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { libraryPage } from './pages/library';
import { readerPage } from './pages/reader';

export const LESSON_TITLE = 'Kim Jong-un rentre de Russie';

export async function addLearner(page: Page, name: string): Promise<void> {
  const library = libraryPage(page);
  await library.nameInput.fill(name);
  await library.addLearner.click();
  await expect(library.currentLearner).toHaveText(`Reading as ${name}`);
}

export async function openLesson(page: Page): Promise<ReturnType<typeof readerPage>> {
  await libraryPage(page).readLesson(LESSON_TITLE).click();
  const reader = readerPage(page);
  await expect(reader.title).toHaveText(LESSON_TITLE);
  await expect(reader.word('voyage')).toBeVisible();
  return reader;
}
