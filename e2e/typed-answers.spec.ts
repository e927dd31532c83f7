// Typed answers: a right answer in other words is marked right, a near miss gets a second try, and the accent
// buttons type into the field at the caret, by mouse and by keyboard.
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, answerAnyhow, QUIZ_LENGTH, setTeacherPin } from './flows';
import { quizPage } from './pages/quiz';

/** Answers the question showing anyhow and goes on to the next. */
async function answerAnyhowAndGoOn(page: Page): Promise<void> {
  await answerAnyhow(page);
  await quizPage(page).next.click();
}

test('a right answer in other words is right; a near miss gets a second try; accent buttons type into the field', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Amélie');
  const quiz = quizPage(page);
  await quiz.take.click();

  // Question 1 asks how long; the list says « sept jours », the learner writes a sentence with a numeral.
  await expect(quiz.progress).toHaveText(`Question 1 of ${QUIZ_LENGTH}`);
  await quiz.typed.fill('Il est resté en Russie pendant 7 jours.');
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Correct/);
  await quiz.next.click();
  for (let n = 2; n <= 5; n++) await answerAnyhowAndGoOn(page);

  // Question 6, a typed cloze where accents matter: « blinde » is a near miss, so the question stays open.
  await expect(quiz.progress).toHaveText(`Question 6 of ${QUIZ_LENGTH}`);
  const accents = page.getByRole('toolbar', { name: 'French characters' });
  await expect(accents.getByRole('button')).toHaveCount(13);
  await quiz.typed.fill('blinde');
  await quiz.check.click();
  const secondTry = page.getByTestId('second-try');
  await expect(secondTry).toHaveText(/Almost: check the spelling/);
  await expect(quiz.feedback).toHaveCount(0);
  await expect(quiz.typed).toBeFocused();
  await expect(quiz.typed).toHaveValue('blinde');
  await expectAccessible(page, 'quiz, second try after a near miss');

  // By keyboard: select the last letter, Tab to the accent buttons, Enter types é over it; focus stays in the field.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Tab');
  await expect(accents.getByRole('button', { name: 'Insert é' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(accents.getByRole('button', { name: 'Insert è' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(quiz.typed).toHaveValue('blindé');
  await expect(quiz.typed).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quiz.verdict).toHaveText(/Correct/);
  await expect(quiz.feedback.getByTestId('first-try')).toHaveText('Your first try: « blinde »');
  await expectAccessible(page, 'quiz, right on the second try');
  await quiz.next.click();
  await answerAnyhowAndGoOn(page);

  // Question 8: with the mouse, è goes in at the caret and typing carries on after it.
  await expect(quiz.progress).toHaveText(`Question 8 of ${QUIZ_LENGTH}`);
  await quiz.typed.fill('rivi');
  await accents.getByRole('button', { name: 'Insert è' }).click();
  await expect(quiz.typed).toBeFocused();
  await page.keyboard.type('re Tumen');
  await expect(quiz.typed).toHaveValue('rivière Tumen');
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Correct/);

  // The teacher's report on this learner shows both tries of the near miss.
  await quiz.back.click();
  await setTeacherPin(page);
  await page.getByRole('tab', { name: 'One learner' }).click();
  await expect(page.getByRole('tabpanel').getByRole('row').filter({ hasText: 'Type the missing word' })).toContainText('1st try: blinde · 2nd try: blindé');
  await expectAccessible(page, 'teacher reports, one learner with a second try');
});
