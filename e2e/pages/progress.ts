// Locators of a learner's progress page.
import type { Page } from '@playwright/test';

export function progressPage(page: Page) {
  const counts = page.getByTestId('word-counts');
  return {
    open: page.getByRole('button', { name: 'My progress' }),
    heading: page.getByRole('heading', { level: 1 }),
    back: page.getByRole('button', { name: 'Library', exact: true }),
    /** The value of one tile, e.g. count('Words looked up'). */
    count: (label: string) => counts.locator('div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd'),
    chart: page.getByRole('img', { name: 'Quiz scores over time' }),
    noAttempts: page.getByText('No quiz finished yet.', { exact: false }),
    attempts: page.getByRole('table', { name: 'Every finished quiz attempt' }).locator('tbody tr'),
    trouble: page.getByTestId('trouble-table').locator('tbody tr'),
    troubleRow: (paragraph: number) => page.getByTestId('trouble-table').locator('tbody tr').filter({ hasText: `Paragraph ${paragraph}` }),
  };
}
