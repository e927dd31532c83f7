// The interface in French, tried as a francophone teacher and a learner would: a computer whose system speaks
// French opens in French; every screen is scanned for text left in English, checked with axe, and at 320 px for
// sideways scroll; the teacher can switch this computer to English, and a learner keeps their own choice.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { en } from '../src/renderer/src/i18n/en';
import { fr } from '../src/renderer/src/i18n/fr';
import { GRAMMAR_WORDS } from '../src/shared/grammar-words';
import { expect, expectAccessible, test } from './fixtures';
import { downloadOf, LESSON_TITLE, QUIZ_LENGTH } from './flows';

test.use({ locale: 'fr-FR' });
// Ten screens, each checked with axe: a generous ceiling on a shared machine, never a timing assertion.
test.describe.configure({ timeout: 600_000 });

/** Every fixed English string of the interface that French words differently (names such as "Quiz" or "CSV" are the same in both). */
function englishOnly(): Set<string> {
  const strings = (table: unknown): string[] =>
    typeof table === 'string' ? [table] : typeof table === 'object' && table !== null ? Object.values(table).flatMap(strings) : [];
  const french = new Set([...strings(fr), ...strings(GRAMMAR_WORDS.fr)]);
  // The grammatical labels too (noun, verb, masculine…): the gloss editor and the gloss card show them.
  return new Set([...strings(en), ...strings(GRAMMAR_WORDS.en)].filter((text) => !french.has(text) && text.length > 2));
}
const ENGLISH = englishOnly();
/**
 * English words French never uses, for sentences that are not in the table: a refusal or a status built from
 * parameters ("The LRS refused…", "2 answers regraded"). A text node outside [lang] that has one is English.
 */
// Letters on either side are checked with \p{L}: \b is ASCII-only, so « noté » would count as "not".
const ENGLISH_WORDS = /(?<!\p{L})(?:the|and|is|was|not|could|with|has|have|been|this|will|answers?|regraded|changed)(?!\p{L})/iu;

/** The little of the page's DOM the checks below use (the e2e programs are typed for Node, not the DOM). */
interface PageText {
  textContent: string | null;
  parentElement: { closest(selector: string): unknown } | null;
}
interface PageGlobals {
  document: {
    body: { querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }> };
    documentElement: { scrollWidth: number };
    createTreeWalker(root: unknown, whatToShow: number): { nextNode(): PageText | null };
  };
  NodeFilter: { SHOW_TEXT: number };
}

/** What the page shows or says to a screen reader that is one of the interface's English strings. */
async function englishOnScreen(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const { document, NodeFilter } = globalThis as unknown as PageGlobals;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Content in its own language (the article, its English glosses and translations) is not the interface.
      if (node.parentElement?.closest('[lang]:not(html)')) continue;
      texts.push(node.textContent?.trim() ?? '');
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) texts.push(element.getAttribute(name)?.trim() ?? '');
    }
    return texts.filter(Boolean);
  });
  return [...new Set(shown.filter((text) => ENGLISH.has(text) || ENGLISH_WORDS.test(text)))];
}

async function checkScreen(page: Page, label: string, width: number): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  expect(await englishOnScreen(page), `English left on ${label}`).toEqual([]);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth), `sideways scroll on ${label}`).toBeLessThanOrEqual(width);
  await expectAccessible(page, `${label} (français)`);
  await page.screenshot({ path: `/tmp/liseuse-fr-${width}-${label.replace(/\W+/g, '-')}.png`, fullPage: true });
}

for (const width of [1200, 320]) {
  test(`every screen in French at ${width} px: no English left, axe-clean, no sideways scroll`, async ({ liseuse }) => {
    const { page } = liseuse;
    await page.setViewportSize({ width, height: 900 });
    await expect(page.getByRole('heading', { name: fr.learners.heading })).toBeVisible();
    await checkScreen(page, 'learner picker', width);

    await page.getByLabel(fr.learners.newLabel).fill('Inès');
    await page.getByRole('button', { name: fr.learners.create }).click();
    await expect(page.getByTestId('current-learner')).toHaveText(fr.learners.current('Inès'));
    await checkScreen(page, 'library', width);

    await page.getByRole('article', { name: LESSON_TITLE }).getByRole('button', { name: fr.library.read }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_TITLE);
    const voyage = page.locator('button.word').filter({ has: page.locator('.w', { hasText: /^voyage$/ }) }).first();
    await voyage.click();
    await expect(page.getByTestId('gloss-card')).toBeVisible();
    await checkScreen(page, 'reader with a gloss', width);
    await page.getByTestId('gloss-card').getByRole('button', { name: fr.gloss.close }).click();
    await page.getByRole('button', { name: fr.reader.display }).click();
    await checkScreen(page, 'reader display panel', width);
    await page.getByRole('button', { name: fr.reader.back }).first().click();

    await page.getByRole('button', { name: fr.quiz.take }).click();
    await expect(page.getByText(fr.quiz.progress(1, QUIZ_LENGTH)).first()).toBeVisible();
    await checkScreen(page, 'quiz question', width);
    const form = page.locator('form.question');
    if (await form.locator('input[type=radio]').count()) await form.locator('input[type=radio]').first().check();
    // A near answer the teacher will accept below, so the regrade is worded in French too.
    else if (await form.locator('input[type=text]').count()) await form.locator('input[type=text]').fill('huit jours');
    await form.getByRole('button', { name: fr.quiz.check }).click();
    await expect(page.getByTestId('feedback')).toBeVisible();
    await checkScreen(page, 'quiz feedback', width);
    await page.getByRole('button', { name: fr.quiz.back }).first().click();

    for (const [button, label] of [
      [fr.hub.myWords, 'my words'],
      [fr.hub.progress, 'progress'],
      [fr.hub.review, 'review'],
    ] as const) {
      await page.getByRole('button', { name: button }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      // One word's status in the singular (« Nouveau »), not the filter's plural (« Nouveaux »).
      if (label === 'my words') await expect(page.locator('[data-testid="word-row"][data-lemma="voyage"] .status')).toHaveText(fr.words.statuses.new);
      await checkScreen(page, label, width);
      await page.getByRole('button', { name: fr.words.back }).first().click();
    }

    await page.getByRole('button', { name: fr.hub.teacherArea }).click();
    await expect(page.getByRole('heading', { name: fr.teacher.setHeading })).toBeVisible();
    await checkScreen(page, 'teacher PIN', width);
    await page.getByLabel(fr.teacher.pin, { exact: true }).fill('246813');
    await page.getByLabel(fr.teacher.pinAgain).fill('246813');
    await page.getByRole('button', { name: fr.teacher.setButton }).click();
    await page.getByRole('button', { name: fr.teacher.recoveryDone }).click();
    await expect(page.getByRole('heading', { name: fr.reports.heading }).first()).toBeVisible();
    if (width === 1200) await frenchExports(page);
    await checkScreen(page, 'teacher reports', width);
    await regradeInFrench(page, width);
    await lrsFailuresInFrench(page, width);

    // The lessons workshop: the list with its new-lesson form, then a draft's gloss editor with a word open.
    await page.getByRole('button', { name: fr.teacher.areaLessons, exact: true }).click();
    await expect(page.getByRole('heading', { name: fr.authoring.newHeading })).toBeVisible();
    await checkScreen(page, 'teacher lessons', width);
    // A file that is not a lesson pack, through our file picker (the browser's own would say "No file chosen").
    await expect(page.getByText(fr.filePicker.none(false)).first()).toBeVisible();
    await page.getByLabel(fr.authoring.importLabel).setInputFiles({ name: 'cassé.liseuse', mimeType: 'application/octet-stream', buffer: Buffer.from('pas un zip') });
    await expect(page.getByText(fr.filePicker.chosen('cassé.liseuse', 1))).toBeVisible();
    await page.getByRole('button', { name: fr.authoring.importButton }).click();
    await expect(page.getByRole('alert')).toHaveText(
      '«\u00a0cassé.liseuse\u00a0» n’est pas un paquet de leçon que Liseuse peut prendre\u00a0: ce n’est pas un fichier zip que Liseuse sait lire (il est endommagé, ou ce n’est pas un paquet de leçon). Rien n’a été importé.',
    );
    await checkScreen(page, 'teacher lessons, a pack refused', width);
    await page.getByLabel(fr.authoring.text).fill('D’abord, Léa ouvre la porte.\nEnsuite, elle regarde le jardin.');
    await page.getByLabel(fr.authoring.title, { exact: true }).fill('Léa au jardin');
    await page.getByRole('button', { name: fr.authoring.create }).click();
    await expect(page.getByRole('heading', { name: fr.authoring.editorHeading('Léa au jardin') })).toBeVisible();
    await page.getByRole('group', { name: fr.glossEditor.textLabel }).getByRole('button').nth(3).click();
    await expect(page.getByRole('complementary')).toBeVisible();
    // Parts of speech in French: in the word list (« ouvrir · verbe ») and in the panel's choice.
    await expect(page.getByRole('complementary').getByLabel(fr.glossEditor.pos)).toContainText(GRAMMAR_WORDS.fr.pos.noun);
    await expect(page.getByRole('group', { name: fr.glossEditor.textLabel })).toContainText(` · ${GRAMMAR_WORDS.fr.pos.verb}`);
    await checkScreen(page, 'gloss editor', width);
  });
}

/** The teacher accepts the learner's near answer: the status and the regradings list say it in French. */
async function regradeInFrench(page: Page, width: number): Promise<void> {
  await page.getByRole('tab', { name: fr.reports.tabs.questions }).click();
  await page.getByRole('button', { name: fr.responses.open(1) }).click();
  const responses = page.getByTestId('responses');
  await responses.getByRole('button', { name: fr.responses.acceptLabel('huit jours') }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorrigé' })).toHaveText(
    'Recorrigé\u00a0: acceptée «\u00a0huit jours\u00a0»\u00a0: 1\u00a0réponse recorrigée, 0\u00a0score modifié.',
  );
  await expect(responses.getByTestId('regradings')).toContainText('(l’enseignant)\u00a0: acceptée «\u00a0huit jours\u00a0»');
  await checkScreen(page, 'teacher reports, an answer accepted', width);
  await responses.getByRole('button', { name: fr.responses.close }).click();
}

/**
 * The LRS settings pointed at a port where nothing listens: the connection test fails and the queue keeps the
 * failure, each worded in French, the network's own words kept and marked English.
 */
async function lrsFailuresInFrench(page: Page, width: number): Promise<void> {
  const lrs = page.locator('section[aria-labelledby="lrs-heading"]');
  await lrs.getByLabel(fr.lrs.endpoint).fill('http://127.0.0.1:59321/xapi/');
  await lrs.getByLabel(fr.lrs.username).fill('liseuse');
  await lrs.getByLabel(fr.lrs.secret).fill('mot-de-passe');
  await lrs.getByRole('button', { name: fr.lrs.save }).click();
  await expect(lrs.getByRole('status').filter({ hasText: fr.lrs.saved })).toBeVisible();
  await lrs.getByRole('button', { name: fr.lrs.test }).click();
  const notice = lrs.getByRole('status').filter({ hasText: fr.lrs.failure('offline', null) });
  await expect(notice).toBeVisible();
  await expect(notice.locator('[lang="en"]')).toHaveText(/ECONNREFUSED/u);
  await lrs.getByRole('button', { name: fr.lrs.sendNow }).click();
  const problems = lrs.locator('.problems');
  await expect(problems.getByText(fr.lrs.failure('offline', null)).first()).toBeVisible();
  await expect(problems.getByText(fr.lrs.problemState.retrying).first()).toBeVisible();
  // What each waiting statement records, in French; its xAPI verb after it, as the LRS knows it, marked English.
  await expect(problems.getByText(fr.lrs.verb('answered')).first()).toBeVisible();
  await expect(problems.locator('[lang="en"]', { hasText: /^answered$/u }).first()).toBeVisible();
  await checkScreen(page, 'teacher LRS, test failed and queue error', width);
  await lrs.getByRole('button', { name: fr.lrs.forget }).click();
}

/** The class report PDF and the every-answer CSV, clicked in French and read back by pdftotext and Python's csv. */
async function frenchExports(page: Page): Promise<void> {
  const pdf = await downloadOf(page, fr.reports.exportClassPdf);
  const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/gu, ' ');
  for (const heading of ['Rapport de classe', 'Vue d’ensemble de la classe', 'Analyse des questions', 'Page 1 sur']) expect(text).toContain(heading);
  for (const heading of ['Class report', 'Class overview', 'Question analysis', 'Generated', 'Page 1 of']) expect(text).not.toContain(heading);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf.path, '/tmp/liseuse-fr-class-report']);

  const csv = await downloadOf(page, fr.reports.exportAttemptsCsv);
  const script = `import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f: print(json.dumps(list(csv.reader(f, delimiter=';'))))`;
  const rows = JSON.parse(execFileSync('python3', ['-c', script, csv.path], { encoding: 'utf8' })) as string[][];
  // The machine header is the English one whatever the language; the values are the French spreadsheet's.
  expect(rows[0]?.slice(0, 5)).toEqual(['learner_id', 'learner', 'attempt_id', 'attempt_number', 'attempt_started']);
  expect(rows[1]?.[4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/u);
}

test('the teacher switches this computer to English at once; a learner who chose French keeps it on their screens', async ({ liseuse }) => {
  const { page } = liseuse;
  await page.getByLabel(fr.learners.newLabel).fill('Inès');
  await page.getByRole('button', { name: fr.learners.create }).click();
  // The learner chooses French for herself, while the computer still follows the system.
  await page.getByLabel(fr.app.language).selectOption('fr');
  await page.getByRole('button', { name: fr.hub.teacherArea }).click();
  await page.getByLabel(fr.teacher.pin, { exact: true }).fill('246813');
  await page.getByLabel(fr.teacher.pinAgain).fill('246813');
  await page.getByRole('button', { name: fr.teacher.setButton }).click();
  await page.getByRole('button', { name: fr.teacher.recoveryDone }).click();

  await page.getByLabel(fr.app.computerLanguage).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: en.teacher.lock })).toBeVisible();
  // The reports' export buttons too, which are already on screen when the language changes.
  await expect(page.getByRole('button', { name: en.reports.exportClassCsv })).toBeVisible();
  await expect(page.getByRole('button', { name: en.reports.exportQuizMoodle })).toBeVisible();
  await page.getByRole('button', { name: en.teacher.lock }).click();

  // Back on her screens, Inès reads in French; the computer's choice holds after a restart.
  await expect(page.getByRole('heading', { name: fr.library.heading })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByLabel(fr.app.language).selectOption('en');
  await expect(page.getByRole('heading', { name: en.library.heading })).toBeVisible();
  await liseuse.restart();
  await expect(page.getByRole('heading', { name: en.library.heading })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
