// Locators of the learner's words: the library panel with due counts, the review session and "My words".
import type { Page } from '@playwright/test';

export function reviewPage(page: Page) {
  const card = page.getByTestId('review-card');
  return {
    hub: page.getByTestId('learner-hub'),
    dueCount: page.getByTestId('due-count'),
    openReview: page.getByRole('button', { name: 'Review words' }),
    openWords: page.getByRole('button', { name: 'My words' }),
    back: page.getByRole('button', { name: 'Library', exact: true }),
    card,
    cardHeading: card.getByRole('heading', { level: 2 }),
    marked: card.locator('mark'),
    reveal: card.getByRole('button', { name: 'Show the meaning' }),
    answer: card.getByTestId('review-answer'),
    sense: card.getByTestId('word-sense'),
    rating: (name: 'Again' | 'Hard' | 'Good' | 'Easy') => card.getByRole('group', { name: 'How well did you remember it?' }).getByRole('button', { name: new RegExp(`^${name}`) }),
    done: page.getByTestId('review-done'),
    dueNow: page.getByTestId('review-due-now'),
    checkAgain: page.getByRole('button', { name: 'Check for more words' }),
    words: page.getByTestId('my-words').getByRole('article'),
    word: (lemma: string) => page.getByTestId('my-words').getByRole('article', { name: lemma, exact: true }),
    wordsCount: page.getByTestId('words-count'),
    noWords: page.getByText('No words yet.', { exact: false }),
  };
}
