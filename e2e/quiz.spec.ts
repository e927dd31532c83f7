import { test, expect, expectAccessible } from './fixtures';
import { addLearner, answerAnyhow, openLesson, QUIZ_LENGTH, setTeacherPin } from './flows';
import { callAnswered } from '../test/support/calls';
import { teacherPage } from './pages/profiles';
import { quizPage } from './pages/quiz';

test('a whole attempt: the text beside it, right, wrong and near-miss answers, back from the evidence to the feedback, resumed after the server is killed, reviewed and practised', async ({ liseuse }) => {
  let page = liseuse.page;
  await addLearner(page, 'Amélie');
  let quiz = quizPage(page);
  await expect(quiz.cardScores).toHaveText(`Quiz: ${QUIZ_LENGTH} questions, not taken yet`);
  await quiz.take.click();
  await expect(quiz.progress).toHaveText(`Question 1 of ${QUIZ_LENGTH}`);
  // The text beside the questions (a wide window), with its glosses for the comprehension quiz.
  await expect(quiz.text).toBeVisible();
  await expect(quiz.text).toContainText('Kim Jong-un');
  await expect(quiz.textToggle).toHaveAttribute('aria-expanded', 'true');
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
  // Its guillemets are held to its first and last words by no-break spaces: never alone at a line's end.
  expect(await quiz.feedback.locator('blockquote').textContent()).toContain('«\u00A0est le plus long jamais entrepris par le dirigeant nord-coréen\u00A0»');
  await expectAccessible(page, 'quiz, wrong answer');

  await quiz.showInText.click();
  await expect(quiz.highlighted).toHaveCount(1);
  await expect(quiz.highlighted).toContainText('est le plus long jamais entrepris par le dirigeant nord-coréen');
  await expect(quiz.highlighted).toBeInViewport();
  await quiz.backToQuiz.click();

  // Back where the learner was: the same question, its feedback still showing.
  await expect(quiz.progress).toHaveText(`Question 2 of ${QUIZ_LENGTH}`);
  await expect(quiz.verdict).toHaveText(/Not quite/);
  await expect(quiz.feedback).toContainText('« est le plus long jamais entrepris par le dirigeant nord-coréen »');
  await quiz.next.click();
  await expect(quiz.progress).toHaveText(`Question 3 of ${QUIZ_LENGTH}`);
  for (let n = 3; n <= 5; n++) {
    await answerAnyhow(page);
    await quiz.next.click();
  }

  // A near miss: one accent missing where accents matter.
  await expect(quiz.progress).toHaveText(`Question 6 of ${QUIZ_LENGTH}`);
  await quiz.typed.fill('blinde');
  await quiz.check.click();
  // A second try is offered; the same near miss again ends the question.
  await expect(page.getByTestId('second-try')).toBeVisible();
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Almost: check the spelling/);
  await expect(quiz.feedback).toContainText('blindé');

  // The server dies mid-attempt: every acknowledged answer is still there.
  await liseuse.restart({ kill: true });
  page = liseuse.page;
  quiz = quizPage(page);
  await expect(quiz.resume).toHaveText(`Resume the quiz (6 of ${QUIZ_LENGTH} answered)`);
  // One line on the card: an attempt in progress, never "not taken yet" beside it.
  await expect(quiz.cardScores).toHaveText(`Quiz: in progress, 6 of ${QUIZ_LENGTH} answered`);
  // A new attempt asks first, and saying no keeps the attempt in progress.
  await quiz.startOver.click();
  await expect(quiz.confirmDialog).toBeVisible();
  await expect(quiz.confirmDialog).toContainText(`6 of ${QUIZ_LENGTH} answered`);
  await expect(quiz.confirmDialog).toContainText('never counts in your scores');
  await expectAccessible(page, 'confirm a new attempt');
  await page.keyboard.press('Escape');
  await expect(quiz.confirmDialog).toBeHidden();
  await expect(quiz.resume).toHaveText(`Resume the quiz (6 of ${QUIZ_LENGTH} answered)`);
  await quiz.resume.click();
  await expect(quiz.progress).toHaveText(`Question 7 of ${QUIZ_LENGTH}`);

  for (let n = 7; n <= QUIZ_LENGTH; n++) {
    await answerAnyhow(page);
    await (n < QUIZ_LENGTH ? quiz.next : quiz.finish).click();
  }
  await expect(quiz.finalScore).toHaveText(/^Score: \d+% · best \d+%$/);
  const score = (await quiz.finalScore.textContent())?.match(/Score: (\d+)%/)?.[1];

  // The review: every question with the learner's answer, the right answer and why.
  await expect(quiz.review.locator('li')).toHaveCount(QUIZ_LENGTH);
  const first = quiz.review.locator('li').first();
  await expect(first).toContainText('Your answer');
  await expect(first).toContainText('Sept Jours');
  await expect(first).toContainText('Why');
  const second = quiz.review.locator('li').nth(1);
  await expect(second).toContainText(/Your answer\s*False/);
  await expect(second).toContainText(/The right answer\s*True/);
  await expectAccessible(page, 'quiz review after the score');

  // Retrying the missed questions is practice: answered and graded, but the score stays the counted one.
  await quiz.practiseMissed.click();
  await expect(quiz.practiceProgress).toHaveText(/^Practice 1 of \d+$/);
  await expect(page.getByRole('heading', { name: 'Practice: the questions you missed' })).toBeFocused();
  await expect(quiz.prompt).toContainText('jamais fait de voyage aussi long');
  await quiz.option('True').check();
  await quiz.check.click();
  await expect(quiz.verdict).toHaveText(/Correct/);
  await expectAccessible(page, 'practice of the missed questions, with feedback');
  await quiz.showInText.click();
  await expect(quiz.text.locator('.sentence.highlighted')).toContainText('est le plus long jamais entrepris');
  await page.getByRole('button', { name: 'End the practice' }).click();
  await expect(quiz.finalScore).toHaveText(`Score: ${score}% · best ${score}%`);
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
  // The text is beside the words' questions, without glosses: tapping a word's gloss would answer them.
  await expect(quiz.text).toContainText('blindé');
  await expect(quiz.text.getByRole('button')).toHaveCount(0);
  await expect(quiz.text).toContainText('without glosses');
  await expectAccessible(page, 'vocabulary practice question');
  await answerAnyhow(page);
  await expectAccessible(page, 'vocabulary practice feedback');
});

test('the teacher turns the glosses beside a lesson’s quiz off, and the learner’s quiz text has none', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Chloé');
  const teacher = teacherPage(page);
  await setTeacherPin(page);
  const comprehension = page.getByRole('group', { name: 'Kim Jong-un rentre de Russie' }).getByLabel('Glosses beside the comprehension quiz');
  const vocabulary = page.getByRole('group', { name: 'Kim Jong-un rentre de Russie' }).getByLabel('Glosses beside vocabulary practice');
  await expect(comprehension).toBeChecked();
  await expect(vocabulary).not.toBeChecked();
  const saved = callAnswered(page, 'quiz:setGlosses');
  await comprehension.uncheck();
  await saved;
  await expect(comprehension).not.toBeChecked();
  await expectAccessible(page, 'teacher area with the glosses beside the quiz');
  await teacher.lock.click();

  const quiz = quizPage(page);
  await quiz.take.click();
  await expect(quiz.progress).toHaveText(`Question 1 of ${QUIZ_LENGTH}`);
  await expect(quiz.text).toContainText('Kim Jong-un');
  await expect(quiz.text).toContainText('without glosses');
  await expect(quiz.text.getByRole('button')).toHaveCount(0);
  await expectAccessible(page, 'quiz with the text beside it, without glosses');
});

