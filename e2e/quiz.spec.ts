import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, openLesson, QUIZ_LENGTH } from './flows';
import { quizPage } from './pages/quiz';

/** Answers whatever question is showing with its first choice (or the first word that comes to mind). */
async function answerAnyhow(page: Page): Promise<void> {
  const form = page.locator('form.question');
  if (await form.locator('input[type=text]').count()) await form.locator('input[type=text]').fill('je ne sais pas');
  else if (await form.locator('textarea').count()) await form.locator('textarea').fill('Je pense que Kim et Poutine ont parlé de coopération.');
  else if (await form.locator('input[type=radio]').count()) await form.locator('input[type=radio]').first().check();
  else if (await form.locator('input[type=checkbox]').count()) await form.locator('input[type=checkbox]').first().check();
  else if (await form.locator('select').count()) await form.locator('select').first().selectOption({ index: 1 });
  await quizPage(page).check.click();
  await expect(quizPage(page).feedback).toBeVisible();
}

test('a whole attempt: right, wrong and near-miss answers, evidence shown in the text, resumed after the server is killed', async ({ liseuse }) => {
  let page = liseuse.page;
  await addLearner(page, 'Amélie');
  let quiz = quizPage(page);
  await expect(quiz.cardScores).toHaveText(`Quiz: ${QUIZ_LENGTH} questions, not taken yet`);
  await quiz.take.click();
  await expect(quiz.progress).toHaveText(`Question 1 of ${QUIZ_LENGTH}`);
  await expectAccessible(page, 'quiz, unanswered question');

  // Right, with the case and spacing forgiven.
  await quiz.typed.fill('  Sept   Jours ');
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Correct/);
  await expect(quiz.verdict).toBeFocused();
  await expectAccessible(page, 'quiz, right answer');
  await quiz.next.click();

  // Wrong: the feedback gives the answer, the reason, and the sentence that proves it.
  await expect(quiz.progress).toHaveText(`Question 2 of ${QUIZ_LENGTH}`);
  await quiz.option('False').check();
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Not quite/);
  await expect(quiz.feedback).toContainText('True');
  await expect(quiz.feedback).toContainText('« est le plus long jamais entrepris par le dirigeant nord-coréen »');
  await expectAccessible(page, 'quiz, wrong answer');

  await quiz.showInText.click();
  await expect(quiz.highlighted).toHaveCount(1);
  await expect(quiz.highlighted).toContainText('est le plus long jamais entrepris par le dirigeant nord-coréen');
  await expect(quiz.highlighted).toBeInViewport();
  await quiz.backToQuiz.click();

  // Back where the learner left off.
  await expect(quiz.progress).toHaveText(`Question 3 of ${QUIZ_LENGTH}`);
  for (let n = 3; n <= 5; n++) {
    await answerAnyhow(page);
    await quiz.next.click();
  }

  // A near miss: one accent missing where accents matter.
  await expect(quiz.progress).toHaveText(`Question 6 of ${QUIZ_LENGTH}`);
  await quiz.typed.fill('blinde');
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Almost: check the spelling/);
  await expect(quiz.feedback).toContainText('blindé');

  // The server dies mid-attempt: every acknowledged answer is still there.
  await liseuse.restart({ kill: true });
  page = liseuse.page;
  quiz = quizPage(page);
  await expect(quiz.resume).toHaveText(`Resume the quiz (6 of ${QUIZ_LENGTH} answered)`);
  await quiz.resume.click();
  await expect(quiz.progress).toHaveText(`Question 7 of ${QUIZ_LENGTH}`);

  for (let n = 7; n <= QUIZ_LENGTH; n++) {
    await answerAnyhow(page);
    await (n < QUIZ_LENGTH ? quiz.next : quiz.finish).click();
  }
  await expect(quiz.finalScore).toHaveText(/^Score: \d+% · best \d+%$/);
  const score = (await quiz.finalScore.textContent())?.match(/Score: (\d+)%/)?.[1];
  await quiz.library.click();
  await expect(quiz.cardScores).toHaveText(`Quiz: last ${score}% · best ${score}% · 1 attempt`);

  // Retry starts a new attempt; the first stays in history.
  await quiz.take.click();
  await expect(quiz.progress).toHaveText(`Question 1 of ${QUIZ_LENGTH}`);
});

test('vocabulary practice asks about the words this learner looked up', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Bruno');
  const reader = await openLesson(page);
  await reader.word('blindé').click();
  await expect(reader.sense).toHaveText('armoured');
  await page.keyboard.press('Escape');
  await reader.back.click();
  const quiz = quizPage(page);
  await quiz.practise.click();
  await expect(quiz.progress).toHaveText('Question 1 of 10');
  await expect(page.locator('form.question')).toContainText(/blindé|armoured/);
  await expectAccessible(page, 'vocabulary practice question');
  await answerAnyhow(page);
  await expectAccessible(page, 'vocabulary practice feedback');
});
