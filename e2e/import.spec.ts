// A teacher opens files as a new lesson's text in the teacher area: a Word document and a Latin-1 text file
// through the file input, an English one flagged, a scanned PDF refused; the files are made here, not committed.
import { test, expect, expectAccessible } from './fixtures';
import { setTeacherPin } from './flows';
import { ENGLISH_PARAGRAPHS, FRENCH_PARAGRAPHS, makeDocx, makeEpub, makePdf, makePdfWithoutText } from '../test/support/import-files';

test('the teacher opens a .docx and a .txt as a new lesson’s text, and is told about English and scanned files', async ({ liseuse }) => {
  const { page } = liseuse;
  await setTeacherPin(page);
  // The file opener is part of the New lesson form, in the area's Lessons view.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Open a text' })).toBeVisible();

  const input = page.getByLabel('Open a file');
  await input.setInputFiles({ name: 'Le train.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(makeDocx(FRENCH_PARAGRAPHS, { heading: 'Le train de nuit' })) });
  const result = page.getByTestId('open-text-result');
  await expect(result).toContainText('4 paragraphs · 71 words');
  await expect(result).toContainText('Title in the file: Le train de nuit');
  await expect(result.getByRole('region', { name: 'The first paragraphs' })).toContainText(FRENCH_PARAGRAPHS[0] as string);
  await expect(result).not.toContainText('not French');
  await expectAccessible(page, 'teacher area, a .docx opened');
  await page.screenshot({ path: '/tmp/liseuse-import-docx.png', fullPage: true });
  await result.getByRole('button', { name: 'Use this text' }).click();
  // The text and its title fill the New lesson form.
  await expect(page.getByLabel('French text')).toHaveValue(['Le train de nuit', ...FRENCH_PARAGRAPHS].join('\n'));
  await expect(page.getByLabel('Title (French)')).toHaveValue('Le train de nuit');

  // Windows-1252 bytes, as an old Windows editor saved them.
  const latin1 = Buffer.from('Élève à l’école.\r\n\r\nÇa commence déjà.', 'latin1');
  latin1[9] = 0x92; // the typographic apostrophe, which Latin-1 lacks and Windows-1252 has
  await input.setInputFiles({ name: 'ecole.txt', mimeType: 'text/plain', buffer: latin1 });
  await expect(result).toContainText('2 paragraphs · 7 words');
  await expect(result.getByRole('region', { name: 'The first paragraphs' })).toContainText('Élève à l’école.');
  await expect(result.getByRole('region', { name: 'The first paragraphs' })).toContainText('Ça commence déjà.');

  await input.setInputFiles({ name: 'english.txt', mimeType: 'text/plain', buffer: Buffer.from(ENGLISH_PARAGRAPHS.join('\n\n')) });
  await expect(result).toContainText('This text looks English, not French. You can still use it');
  await expect(result.getByRole('button', { name: 'Use this text' })).toBeEnabled();

  await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdfWithoutText()) });
  await expect(page.getByRole('main').getByRole('alert')).toContainText('“scan.pdf” has no text layer: it looks like a scanned PDF');
  await expect(result).toHaveCount(0);
  await expectAccessible(page, 'teacher area, a scanned PDF refused');

  // A book: its chapters are listed first, then the chosen range is read.
  const book = makeEpub('Voyages', [
    { title: 'Le départ', paragraphs: FRENCH_PARAGRAPHS.slice(0, 1) },
    { title: 'La mer', paragraphs: FRENCH_PARAGRAPHS.slice(1, 2) },
    { title: 'Marseille', paragraphs: FRENCH_PARAGRAPHS.slice(2) },
  ]);
  await input.setInputFiles({ name: 'voyages.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(book) });
  const chapters = page.getByRole('group', { name: 'Chapters to open' });
  await expect(chapters.getByLabel('From')).toContainText('2. La mer (19 words)');
  await chapters.getByLabel('From').selectOption({ label: '2. La mer (19 words)' });
  await chapters.getByLabel('To').selectOption({ label: '3. Marseille (27 words)' });
  await expect(chapters).toContainText('46 words chosen.');
  await expectAccessible(page, 'teacher area, an EPUB’s chapters');
  await chapters.getByRole('button', { name: 'Open these chapters' }).click();
  await expect(result).toContainText('4 paragraphs · 46 words');
  await page.screenshot({ path: '/tmp/liseuse-import-epub.png', fullPage: true });

  await page.getByLabel('Or paste the text').fill('Le chat dort sur le canapé.\nIl pleut dehors.');
  await page.getByRole('button', { name: 'Read the pasted text' }).click();
  await expect(result).toContainText('2 paragraphs · 9 words');

  await page.setViewportSize({ width: 320, height: 800 });
  const scrollWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(320);
  await page.screenshot({ path: '/tmp/liseuse-import-320.png', fullPage: true });
});

test('Cancel while a long PDF is read aborts its request; the next file opens at once', async ({ liseuse }) => {
  const { page } = liseuse;
  await setTeacherPin(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();

  // Some sixty pages: long enough to be cancelled while the server reads them.
  const paragraphs = Array.from({ length: 600 }, (_, i) => `${FRENCH_PARAGRAPHS[i % FRENCH_PARAGRAPHS.length]} (${i + 1})`);
  const aborted: string[] = [];
  page.on('requestfailed', (request) => {
    if (request.url().includes('/api/authoring:readFile')) aborted.push(request.failure()?.errorText ?? '');
  });
  await page.getByLabel('Open a file').setInputFiles({ name: 'livre.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(paragraphs)) });
  const progress = page.getByLabel('Reading “livre.pdf”…');
  await expect(progress).toBeVisible();
  await page.screenshot({ path: '/tmp/liseuse-import-reading.png', fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Reading cancelled. Nothing was saved.')).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect.poll(() => aborted).toEqual(['net::ERR_ABORTED']);

  await page.getByLabel('Open a file').setInputFiles({ name: 'Le train.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(makeDocx(FRENCH_PARAGRAPHS)) });
  await expect(page.getByTestId('open-text-result')).toContainText('3 paragraphs · 67 words');
  await expectAccessible(page, 'teacher area, a read cancelled then another file opened');
});

test('the New lesson form counts words as the text opener and the lesson do: « grand-mère » is one word', async ({ liseuse }) => {
  const { page } = liseuse;
  await setTeacherPin(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByLabel('Or paste the text').fill('Sa grand-mère prend le vélo.\nElle achète l’après-midi un pain.');
  await page.getByRole('button', { name: 'Read the pasted text' }).click();
  const result = page.getByTestId('open-text-result');
  await expect(result).toContainText('2 paragraphs · 11 words');
  await result.getByRole('button', { name: 'Use this text' }).click();
  // The count under the French text field, which is part of the field's description.
  await expect(page.getByLabel('French text')).toHaveAccessibleDescription(/2 paragraphs, 11 words$/);
});
