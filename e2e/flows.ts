// Steps several specs share, written as a user would do them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { libraryPage } from './pages/library';
import { teacherPage } from './pages/profiles';
import { quizPage } from './pages/quiz';
import { readerPage } from './pages/reader';
import { readArticleFile } from '../test/support/article';
import { callAnswered } from '../test/support/calls';

export const LESSON_TITLE = 'Kim Jong-un rentre de Russie';
/** The article quiz's length, from its file, so the specs follow the quiz as it is written. */
export const QUIZ_LENGTH = (JSON.parse(readArticleFile('quiz.json')) as { questions: unknown[] }).questions.length;

/**
 * Answers whatever question is showing, right or wrong, and checks it: the first option, the second entry of each
 * list, a sentence for an open question, and for a typed one words no right answer is near, so no second try is
 * offered and the feedback always shows.
 */
export async function answerAnyhow(page: Page, openText = 'Je ne sais pas encore.'): Promise<void> {
  const form = page.locator('form.question');
  if (await form.locator('input[type=text]').count()) await form.locator('input[type=text]').fill('je ne sais pas');
  else if (await form.locator('textarea').count()) await form.locator('textarea').fill(openText);
  else if (await form.locator('input[type=radio]').count()) await form.locator('input[type=radio]').first().check();
  else if (await form.locator('input[type=checkbox]').count()) await form.locator('input[type=checkbox]').first().check();
  else if (await form.locator('select').count()) for (const select of await form.locator('select').all()) await select.selectOption({ index: 1 });
  await quizPage(page).check.click();
  await expect(quizPage(page).feedback).toBeVisible();
}

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

/**
 * Opens the lesson from the keyboard with the pointer parked in a corner. A word left under the pointer when the
 * text appears (the reader scrolls to the saved position) would open on hover and count as a look-up.
 */
export async function openLessonQuietly(page: Page): Promise<ReturnType<typeof readerPage>> {
  await page.mouse.move(0, 0);
  await libraryPage(page).readLesson(LESSON_TITLE).focus();
  await page.keyboard.press('Enter');
  const reader = readerPage(page);
  await expect(reader.title).toHaveText(LESSON_TITLE);
  await expect(reader.word('voyage')).toBeVisible();
  return reader;
}

/** Opens the lesson, looks each word up (its first occurrence) by clicking it, and goes back to the library. */
export async function lookUpWords(page: Page, forms: string[]): Promise<void> {
  const reader = await openLessonQuietly(page);
  for (const form of forms) {
    const looked = callAnswered(page, 'reading:lookup');
    await reader.word(form).click();
    await expect(reader.cardTitle).toHaveText(form);
    await looked;
    await page.keyboard.press('Escape');
  }
  await reader.back.click();
  await expect(libraryPage(page).heading).toBeVisible();
}

/** In the open reader: gives the word's lemma a status, waits until it is saved, closes the card. */
export async function markWord(page: Page, form: string, status: 'New' | 'Learning' | 'Known'): Promise<void> {
  const reader = readerPage(page);
  await reader.word(form).click();
  await reader.status(status).click();
  await expect(reader.status(status)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  // Off the text, so no word opens on hover.
  await page.mouse.move(0, 0);
}

export async function chooseLearner(page: Page, name: string): Promise<void> {
  const library = libraryPage(page);
  await library.learner(name).click();
  await expect(library.currentLearner).toHaveText(`Reading as ${name}`);
}

/** Clicks an export button and saves the download it starts; returns its suggested name and where it is. */
export async function downloadOf(page: Page, button: string): Promise<{ name: string; path: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'liseuse-dl-')), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

/** The learner answers the quiz's first question (how long Kim stayed) right, and goes back to the library. */
export async function answerFirstQuestionRight(page: Page): Promise<void> {
  const quiz = quizPage(page);
  await quiz.take.click();
  await quiz.typed.fill('sept jours');
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Correct/);
  await quiz.back.click();
}

/** The PIN the specs set, unless a spec is about another. */
export const TEACHER_PIN = '246813';

/** On the form that sets the teacher PIN: types it twice (or a second, different one) and sets it. */
export async function submitNewPin(page: Page, pin = TEACHER_PIN, again = pin): Promise<void> {
  const teacher = teacherPage(page);
  await teacher.pin.fill(pin);
  await teacher.pinAgain.fill(again);
  await teacher.setPin.click();
}

/** Opens the teacher area for the first time: sets the PIN, which opens it. */
export async function setTeacherPin(page: Page, pin = TEACHER_PIN): Promise<void> {
  await teacherPage(page).open.click();
  await submitNewPin(page, pin);
}

/** The wait a PIN form's timer shows ("You can try again in 0:59."), in seconds. */
export async function secondsShown(timer: Locator): Promise<number> {
  const match = /in (\d+):(\d\d)\./.exec((await timer.textContent()) ?? '');
  if (!match) throw new Error('no time left shown');
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Opens the teacher area once its PIN is set: enters the PIN. */
export async function unlockTeacherArea(page: Page, pin = TEACHER_PIN): Promise<void> {
  const teacher = teacherPage(page);
  await teacher.open.click();
  await teacher.pin.fill(pin);
  await teacher.unlock.click();
}
