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
    words: page.getByTestId('word-row'),
    /** A row of "My words" by the word's lemma as statuses key it (lower case). */
    word: (lemma: string) => page.locator(`[data-testid="word-row"][data-lemma="${lemma}"]`),
    openDetails: (lemma: string) => page.locator(`[data-testid="word-row"][data-lemma="${lemma}"]`).getByRole('button', { name: /^Details for / }),
    details: page.getByTestId('word-details'),
    wordsCount: page.getByTestId('words-count'),
    search: page.getByRole('searchbox', { name: 'Search' }),
    statusFilter: page.getByRole('combobox', { name: 'Status' }),
    lessonFilter: page.getByRole('combobox', { name: 'Lesson' }),
    sort: page.getByRole('combobox', { name: 'Sort by' }),
    noMatch: page.getByTestId('words-no-match'),
    wordsMessage: page.getByTestId('words-message'),
    exportButton: (name: 'CSV' | 'Anki deck' | 'Quizlet') => page.getByRole('button', { name, exact: true }),
    nextIn: card.getByTestId('rating-next'),
    alreadyKnow: card.getByRole('button', { name: 'I already know this' }),
    ignore: card.getByRole('button', { name: 'Ignore this word' }),
    noWords: page.getByText('No words yet.', { exact: false }),
  };
}
