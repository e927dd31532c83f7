// Locators of the reader: the text, its words, the gloss card and the display settings.
import type { Page } from '@playwright/test';

export function readerPage(page: Page) {
  const text = page.getByRole('group', { name: /^Article text/ });
  const card = page.getByTestId('gloss-card');
  return {
    text,
    title: page.getByRole('heading', { level: 1 }),
    back: page.getByRole('button', { name: 'Library' }),
    paragraph: (n: number) => page.getByRole('region', { name: `Paragraph ${n}`, exact: true }),
    /** The nth occurrence (0-based) of a word as written, e.g. word('l’', 2). */
    word: (form: string, nth = 0) => text.locator('button.word').filter({ has: page.locator('.w', { hasText: new RegExp(`^${escape(form)}$`) }) }).nth(nth),
    focusedWord: text.locator('button.word:focus .w'),
    card,
    cardTitle: card.getByRole('heading', { level: 2 }),
    lemma: card.getByTestId('gloss-lemma'),
    grammar: card.getByTestId('gloss-grammar'),
    sense: card.getByTestId('gloss-sense'),
    /** The dictionary's fuller sense, shown under the sense here when the two differ. */
    fullSense: card.getByTestId('gloss-full-sense'),
    note: card.getByTestId('gloss-note'),
    expression: card.getByTestId('gloss-expression'),
    status: (name: 'New' | 'Learning' | 'Known') => card.getByRole('group', { name: 'My status for this word' }).getByRole('button', { name }),
    closeCard: card.getByRole('button', { name: 'Close' }),
    display: page.getByRole('button', { name: 'Display' }),
    theme: (name: 'Light' | 'Dark' | 'Sepia') => page.getByRole('radio', { name }),
    larger: page.getByRole('button', { name: 'Larger text' }),
    lineSpacing: page.getByLabel('Line spacing'),
    interlinear: page.getByLabel('Glosses under the words'),
    dyslexicFont: page.getByLabel('Dyslexia-friendly font (OpenDyslexic)'),
    showTranslation: (n: number) => page.getByRole('region', { name: `Paragraph ${n}` }).getByRole('button', { name: /translation/ }),
    translation: (n: number) => page.getByLabel(`English translation of paragraph ${n}`),
    lookupCount: page.getByTestId('lookup-count'),
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
