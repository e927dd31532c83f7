// The gloss editor as a teacher looks at it: punctuation stays on the line of its word at every width, and the
// panel's grammar fields are in the interface's language (French here) while the lesson keeps its keys.
import type { Page } from '@playwright/test';
import { fr } from '../src/renderer/src/i18n/fr';
import { GRAMMAR_WORDS } from '../src/shared/grammar-words';
import { expect, expectAccessible, test } from './fixtures';
import { setTeacherPin } from './flows';

/** Short words and much punctuation, so that at most widths some line would end before a mark. */
const PUNCTUATED = Array.from(
  { length: 4 },
  () => '« Oui », dit Léa. Non, pas encore ; il pleut ! Alors, on attend ? Bien sûr… (Enfin, peut-être.) Le chat, la souris, le chien, la porte, le jardin : tout dort.',
).join(' ');

/** Marks that belong to the word before them, and those that belong to the word after them. */
const CLOSING = /[.,;:!?»)…]/u;
const OPENING = /[«(]/u;

interface Box {
  top: number;
  bottom: number;
}
/** The little of the page's DOM the check below uses (the e2e programs are typed for Node, not the DOM). */
interface PageNode {
  nodeType: number;
  textContent: string | null;
  parentElement: { closest(selector: string): unknown } | null;
  getBoundingClientRect(): Box;
}
interface PageGlobals {
  document: {
    querySelector(selector: string): unknown;
    createTreeWalker(root: unknown, whatToShow: number): { nextNode(): PageNode | null };
    createRange(): { setStart(node: unknown, offset: number): void; setEnd(node: unknown, offset: number): void; getBoundingClientRect(): Box };
  };
  NodeFilter: { SHOW_ELEMENT: number; SHOW_TEXT: number };
}

/** Every punctuation mark of the text drawn on another line than the word it belongs to, as "mark after word". */
async function strandedMarks(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ closing, opening }) => {
      const { document, NodeFilter } = globalThis as unknown as PageGlobals;
      const text = document.querySelector('[data-paragraph]');
      const root = (text as { parentElement: unknown } | null)?.parentElement;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      const words: PageNode[] = [];
      const marks: { box: Box; mark: string; after: number; closing: boolean }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === 1 && (node as unknown as { matches(s: string): boolean }).matches('button.word')) words.push(node);
        if (node.nodeType !== 3 || node.parentElement?.closest('button')) continue;
        const content = node.textContent ?? '';
        for (let k = 0; k < content.length; k++) {
          const mark = content[k] ?? '';
          const isClosing = new RegExp(closing, 'u').test(mark);
          if (!isClosing && !new RegExp(opening, 'u').test(mark)) continue;
          const range = document.createRange();
          range.setStart(node, k);
          range.setEnd(node, k + 1);
          marks.push({ box: range.getBoundingClientRect(), mark, after: words.length - 1, closing: isClosing });
        }
      }
      const stranded: string[] = [];
      for (const { box, mark, after, closing: isClosing } of marks) {
        const word = words[isClosing ? after : after + 1];
        if (!word) continue;
        const middle = (box.top + box.bottom) / 2;
        const own = word.getBoundingClientRect();
        if (middle < own.top || middle > own.bottom) stranded.push(`${mark} ${isClosing ? 'after' : 'before'} ${word.textContent?.trim().split(/\s/u)[0] ?? ''}`);
      }
      return stranded;
    },
    { closing: CLOSING.source, opening: OPENING.source },
  );
}

const TEXT_LABEL = 'The text, word by word: choose a word to review its gloss';
const wordsOf = (page: Page, label: string) => page.getByRole('group', { name: label }).getByRole('button');

test('punctuation never starts a line of the gloss editor, from 320 to 1200 px', async ({ liseuse }) => {
  const { page } = liseuse;
  await setTeacherPin(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByLabel('French text').fill(PUNCTUATED);
  await page.getByLabel('Title (French)').fill('Ponctuation');
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page.getByRole('heading', { name: 'Editing “Ponctuation”' })).toBeVisible();
  await expect(wordsOf(page, TEXT_LABEL).first()).toBeVisible();
  const stranded: Record<number, string[]> = {};
  for (const width of [320, 360, 400, 480, 560, 640, 800, 1000, 1200]) {
    await page.setViewportSize({ width, height: 900 });
    const marks = await strandedMarks(page);
    if (marks.length > 0) stranded[width] = marks;
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (width === 320 || width === 1200) {
      await page.getByRole('group', { name: TEXT_LABEL }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/gloss-editor-punctuation-${width}.png` });
    }
  }
  expect(stranded, 'marks on a line of their own, by width').toEqual({});
  await expectAccessible(page, 'gloss editor with punctuation');
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });

  test('the panel names the tense in French (présent) and keeps the stored key; « ouvre » is ouvrir', async ({ liseuse }) => {
    const { page } = liseuse;
    await page.getByRole('button', { name: fr.hub.teacherArea }).click();
    await page.getByLabel(fr.teacher.pin, { exact: true }).fill('246813');
    await page.getByLabel(fr.teacher.pinAgain).fill('246813');
    await page.getByRole('button', { name: fr.teacher.setButton }).click();
    await page.getByRole('button', { name: fr.teacher.recoveryDone }).click();
    await page.getByRole('button', { name: fr.teacher.areaLessons, exact: true }).click();
    await page.getByLabel(fr.authoring.text).fill('Léa ouvre la porte.');
    await page.getByLabel(fr.authoring.title, { exact: true }).fill('La porte');
    await page.getByRole('button', { name: fr.authoring.create }).click();
    await expect(page.getByRole('heading', { name: fr.authoring.editorHeading('La porte') })).toBeVisible();

    const ouvre = wordsOf(page, fr.glossEditor.textLabel).filter({ has: page.locator('.form', { hasText: /^ouvre$/u }) });
    await expect(ouvre.locator('.analysis')).toHaveText(`ouvrir · ${GRAMMAR_WORDS.fr.pos.verb}`);
    await ouvre.click();
    const panel = page.getByRole('complementary');
    const tense = panel.getByLabel(fr.glossEditor.tense);
    // The choice shows « présent »; what it stores is the key the glossing wrote.
    await expect(tense.locator('option:checked')).toHaveText(GRAMMAR_WORDS.fr.tense.present);
    await expect(tense).toHaveValue('present');
    await expect(panel.getByLabel(fr.glossEditor.pos).locator('option:checked')).toHaveText(GRAMMAR_WORDS.fr.pos.verb);
    await expect(tense.locator('option')).not.toContainText(['present']);
    await tense.selectOption({ label: GRAMMAR_WORDS.fr.tense.imparfait });
    await panel.getByRole('button', { name: fr.glossEditor.saveGloss }).click();
    await expect(ouvre).toHaveAttribute('data-status', 'confirmed');
    await expect(page.getByTestId('save-state')).toHaveText(new RegExp(fr.authoring.saved, 'u'));
    // Closed and opened again: the draft kept the key of the tense chosen.
    await page.getByRole('button', { name: fr.authoring.back }).click();
    await page.getByTestId(/^lesson-row-/u).filter({ hasText: 'La porte' }).getByRole('button', { name: fr.authoring.edit }).click();
    await wordsOf(page, fr.glossEditor.textLabel).filter({ has: page.locator('.form', { hasText: /^ouvre$/u }) }).click();
    await expect(page.getByRole('complementary').getByLabel(fr.glossEditor.tense)).toHaveValue('imparfait');
    await page.screenshot({ path: '/tmp/gloss-editor-fr-tense.png', fullPage: true });
    await expectAccessible(page, 'gloss panel (français)');
  });
});
