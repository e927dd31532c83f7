// Locators of the quiz screen and the quiz part of a lesson card.
import type { Page } from '@playwright/test';

export function quizPage(page: Page) {
  const feedback = page.getByTestId('feedback');
  return {
    take: page.getByRole('button', { name: 'Take the quiz' }),
    resume: page.getByRole('button', { name: /^Resume the quiz/ }),
    practise: page.getByRole('button', { name: 'Practise vocabulary' }),
    cardScores: page.getByTestId('quiz-panel').locator('.scores'),
    progress: page.getByText(/^Question \d+ of \d+$/),
    prompt: page.locator('form.question legend'),
    typed: page.getByLabel('Your answer', { exact: true }),
    open: page.getByLabel('Your answer (in French)'),
    awaiting: page.getByTestId('awaiting-teacher'),
    option: (name: string | RegExp) => page.locator('form.question').getByLabel(name),
    check: page.getByRole('button', { name: 'Check my answer' }),
    feedback,
    verdict: feedback.getByRole('heading', { level: 2 }),
    showInText: page.getByRole('button', { name: 'Show in the text' }),
    next: page.getByRole('button', { name: 'Next question' }),
    finish: page.getByRole('button', { name: 'See my score' }),
    backToQuiz: page.getByRole('button', { name: 'Back to the quiz' }),
    highlighted: page.locator('.sentence.highlighted'),
    finalScore: page.getByTestId('final-score'),
    retry: page.getByRole('button', { name: 'Try again (new attempt)' }),
    startOver: page.getByRole('button', { name: 'Start a new attempt' }),
    confirmDialog: page.getByRole('dialog', { name: 'Start a new attempt?' }),
    text: page.getByRole('region', { name: 'The text' }),
    textToggle: page.getByRole('button', { name: /^(Show|Hide) the text$/ }),
    review: page.getByTestId('review'),
    practiseMissed: page.getByRole('button', { name: /^Retry the \d+ questions? I missed/ }),
    practiceProgress: page.getByText(/^Practice \d+ of \d+$/),
    practiceDone: page.getByTestId('practice-done'),
    library: page.getByRole('main').getByRole('button', { name: 'Library' }),
    back: page.getByRole('banner').getByRole('button', { name: 'Library' }),
  };
}
