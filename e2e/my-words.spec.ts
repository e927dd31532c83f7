// "My words" as a tool: search, filters, sort, a note, mark known, ignore, remove; the exports read back by
// Python's csv, zipfile and sqlite3; and the review card's next intervals and ways out of review.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, lookUpWords } from './flows';
import { reviewPage } from './pages/review';

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => {
    const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
    return { scrollWidth: g.document.documentElement.scrollWidth, innerWidth: g.innerWidth };
  });
  expect(scrollWidth, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  await expectAccessible(page, label);
}

async function downloadOf(page: Page, button: 'CSV' | 'Anki deck' | 'Quizlet'): Promise<{ name: string; path: string }> {
  const download = page.waitForEvent('download');
  await reviewPage(page).exportButton(button).click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'liseuse-words-')), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

const python = (script: string, path: string): string => execFileSync('python3', ['-c', script, path], { encoding: 'utf8', timeout: 20_000 });

test('My words: search, filter, sort, a note, mark known, ignore and remove, at full width and at 320 px', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Ana');
  await lookUpWords(page, ['voyage', 'retenu', 'blindé']);
  const review = reviewPage(page);
  await review.openWords.click();
  await expect(review.wordsCount).toHaveText('3 words');
  await expect(review.word('voyage')).toContainText('trip, journey');
  await expect(review.word('retenir')).toContainText('retenu (retenir)');
  await expectAccessible(page, 'my words table');

  await review.search.fill('TRIP');
  await expect(review.words).toHaveCount(1);
  await expect(review.wordsCount).toHaveText('1 of 3 words');
  await review.search.fill('nothing like this');
  await expect(review.noMatch).toBeVisible();
  await expectAccessible(page, 'my words, no match');
  await review.search.fill('');
  await expect(review.words).toHaveCount(3);

  // The learner's own note, kept after leaving the screen.
  await review.openDetails('voyage').click();
  await review.details.getByRole('textbox', { name: 'Your note or meaning' }).fill('le voyage de noces: honeymoon');
  await review.details.getByRole('button', { name: 'Save note' }).click();
  await expect(review.wordsMessage).toHaveText('Note saved for voyage.');
  await expect(review.word('voyage')).toContainText('le voyage de noces: honeymoon');
  await expectAccessible(page, 'my words, a word opened');

  // Mark known, ignore, then filter by status.
  await review.openDetails('retenir').click();
  await review.details.getByRole('button', { name: 'Mark known' }).click();
  await expect(review.word('retenir')).toContainText('Known');
  await review.openDetails('blindé').click();
  await review.details.getByRole('button', { name: 'Ignore' }).click();
  await expect(review.word('blindé')).toContainText('Ignored');
  await review.statusFilter.selectOption({ label: 'Ignored' });
  await expect(review.words).toHaveCount(1);
  await expect(review.word('blindé')).toBeVisible();
  await expectAccessible(page, 'my words, ignored filter');
  await review.statusFilter.selectOption({ label: 'Known' });
  await expect(review.words).toHaveCount(1);
  await expect(review.word('retenir')).toBeVisible();
  await review.statusFilter.selectOption({ label: 'All' });
  await review.lessonFilter.selectOption({ index: 1 });
  await expect(review.words).toHaveCount(3);

  await review.sort.selectOption({ label: 'Word (A–Z)' });
  await expect(review.words.locator('th')).toHaveText([/^blindé/, /^retenu/, /^voyage/]);

  // Remove asks first; the word then leaves the list, and the library counts agree.
  await review.openDetails('voyage').click();
  await review.details.getByRole('button', { name: 'Remove' }).click();
  await expect(review.details.getByRole('alert')).toContainText('Remove voyage from My words and review?');
  await expectAccessible(page, 'my words, confirm removal');
  await review.details.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(review.word('voyage')).toHaveCount(0);
  await expect(review.wordsCount).toHaveText('2 words');

  await page.setViewportSize({ width: 320, height: 720 });
  await noSidewaysScroll(page, 'my words at 320 px');
  // The table scrolls inside its own region, which the keyboard reaches.
  const region = page.getByRole('region', { name: 'Your words' });
  await region.focus();
  await expect(region).toBeFocused();
  await review.openDetails('blindé').click();
  await noSidewaysScroll(page, 'my words at 320 px, a word opened');

  await review.back.click();
  await expect(review.dueCount).toContainText('No words to review now');
  await review.openWords.click();
  await expect(review.word('blindé')).toContainText('Ignored');
  await expect(review.word('retenir')).toContainText('Known');
});

test('the CSV, Anki and Quizlet exports read back with Python’s csv, zipfile and sqlite3', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Bruno');
  await lookUpWords(page, ['voyage', 'blindé']);
  const review = reviewPage(page);
  await review.openWords.click();
  await review.openDetails('voyage').click();
  await review.details.getByRole('textbox', { name: 'Your note or meaning' }).fill('=1+1 honeymoon');
  await review.details.getByRole('button', { name: 'Save note' }).click();
  await expect(review.wordsMessage).toHaveText('Note saved for voyage.');

  const csv = await downloadOf(page, 'CSV');
  expect(csv.name).toMatch(/^liseuse-words-bruno-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(review.wordsMessage).toHaveText(`Downloaded ${csv.name}.`);
  expect([...readFileSync(csv.path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = JSON.parse(
    python('import csv, json, sys\nwith open(sys.argv[1], encoding="utf-8-sig", newline="") as f: print(json.dumps(list(csv.DictReader(f))))', csv.path),
  ) as Record<string, string>[];
  expect(rows.map((r) => [r.word, r.lemma, r.status])).toEqual([['blindé', 'blindé', 'new'], ['voyage', 'voyage', 'new']]);
  expect(rows[1]).toMatchObject({ meaning: 'trip, journey', note: "'=1+1 honeymoon", kind: 'word' });
  expect(rows[1]?.sentence).toContain('Ce voyage, qui a retenu Kim en Russie');

  const apkg = await downloadOf(page, 'Anki deck');
  expect(apkg.name).toMatch(/\.apkg$/);
  const anki = JSON.parse(
    python(
      [
        'import json, sqlite3, sys, tempfile, zipfile, os',
        'z = zipfile.ZipFile(sys.argv[1])',
        'names = sorted(z.namelist())',
        'd = tempfile.mkdtemp()',
        'z.extract("collection.anki2", d)',
        'db = sqlite3.connect(os.path.join(d, "collection.anki2"))',
        'models = json.loads(db.execute("select models from col").fetchone()[0])',
        'fields = [f["name"] for m in models.values() for f in m["flds"]]',
        'notes = [r[0].split("\\x1f") for r in db.execute("select flds from notes order by id")]',
        'cards = db.execute("select count(*) from cards c join notes n on n.id = c.nid").fetchone()[0]',
        'print(json.dumps({"names": names, "media": z.read("media").decode(), "fields": fields, "notes": notes, "cards": cards}))',
      ].join('\n'),
      apkg.path,
    ),
  ) as { names: string[]; media: string; fields: string[]; notes: string[][]; cards: number };
  expect(anki.names).toEqual(['collection.anki2', 'media']);
  expect(anki.media).toBe('{}');
  expect(anki.fields).toEqual(['Word', 'Sentence', 'Meaning', 'Lemma', 'Grammar', 'Note', 'Lesson']);
  expect(anki.cards).toBe(2);
  const voyage = anki.notes[1];
  expect(voyage?.slice(0, 1)).toEqual(['voyage']);
  expect(voyage?.[1]).toContain('Ce <b>voyage</b>, qui a retenu Kim en Russie');
  expect(voyage?.slice(2, 6)).toEqual(['trip, journey', 'voyage', 'noun, masculine singular', '=1+1 honeymoon']);

  const tsv = await downloadOf(page, 'Quizlet');
  expect(readFileSync(tsv.path, 'utf8').split('\n')).toEqual(['blindé\t' + rows[0]?.meaning, 'voyage\ttrip, journey — =1+1 honeymoon', '']);
});

test('a review card shows each rating’s next interval, and "I already know this" and "Ignore" take words out of review', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Chloé');
  await lookUpWords(page, ['voyage', 'retenu', 'blindé']);
  const review = reviewPage(page);
  await review.openReview.click();
  await review.reveal.click();
  await expect(review.nextIn).toHaveText(['next in 1\u00a0min', 'next in 6\u00a0min', 'next in 10\u00a0min', /^next in \d+\u00a0d$/]);
  await expect(review.rating('Good')).toContainText('next in 10');
  await expectAccessible(page, 'review card with the next intervals');

  await review.alreadyKnow.click();
  await expect(review.cardHeading).toHaveText('Word 2 of 3');
  await expect(review.marked).toHaveText('retenu');
  await review.ignore.click();
  await expect(review.cardHeading).toHaveText('Word 3 of 3');
  await review.reveal.click();
  await review.rating('Good').click();
  await expect(review.done).toBeVisible();
  await review.back.click();
  await expect(review.dueCount).toContainText('No words to review now · 1 word in review');

  await review.openWords.click();
  await expect(review.word('voyage')).toContainText('Known');
  await expect(review.word('retenir')).toContainText('Ignored');
});
