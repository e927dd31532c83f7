// The teacher's exports for the school's LMS and spreadsheets, clicked in the browser and read back by real
// readers: exceljs for the workbooks, Python's csv for the French-locale CSV, xmldom and gift-pegjs for the quiz.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { parse as parseGift } from 'gift-pegjs';
import { test, expect, expectAccessible } from './fixtures';
import { addLearner, answerFirstQuestionRight, downloadOf, QUIZ_LENGTH, setTeacherPin } from './flows';

async function firstSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!;
}

test('the teacher exports workbooks, a French-locale CSV and the quiz for Moodle, each read back', async ({ liseuse }) => {
  const { page } = liseuse;
  await addLearner(page, 'Amélie');
  await answerFirstQuestionRight(page);
  await setTeacherPin(page);
  await expect(page.getByTestId('class-report')).toContainText('Amélie');
  const lmsHeading = page.getByRole('heading', { name: 'Quiz for the school’s LMS' });
  await lmsHeading.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/lms/export-controls.png', fullPage: true });
  await expectAccessible(page, 'teacher reports, export controls');

  const summary = await downloadOf(page, 'Class summary (Excel)');
  expect(summary.name).toMatch(/^liseuse-kim-russie-class-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = await firstSheet(summary.path);
  expect(sheet.getRow(1).getCell(2).value).toBe('learner');
  expect(sheet.getRow(2).getCell(2).value).toBe('Learner');
  expect(sheet.getRow(3).getCell(2).value).toBe('Amélie');
  expect(sheet.getRow(2).font?.bold).toBe(true);

  // The answered question's row: a real date, the answer, and a right answer's score shown as 100%.
  const answers = await firstSheet((await downloadOf(page, 'Every answer (Excel)')).path);
  const row = answers.getRow(3);
  expect(row.getCell(5).value).toBeInstanceOf(Date);
  expect(row.getCell(11).value).toBe('sept jours');
  expect([row.getCell(14).value, row.getCell(14).numFmt]).toEqual([1, '0%']);

  // The dialect is a setting beside the buttons: the CSV that follows uses it.
  await page.getByLabel('CSV files for').selectOption({ label: 'French spreadsheets (1,5)' });
  const csv = await downloadOf(page, 'Every answer (CSV)');
  const script = `import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f: print(json.dumps(list(csv.reader(f, delimiter=';'))))`;
  const rows = JSON.parse(execFileSync('python3', ['-c', script, csv.path], { encoding: 'utf8' })) as string[][];
  expect(rows[0]?.slice(0, 5)).toEqual(['learner_id', 'learner', 'attempt_id', 'attempt_number', 'attempt_started']);
  expect(rows[1]?.[1]).toBe('Amélie');
  expect(rows[1]?.[4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/u);
  expect(rows[1]?.slice(10, 14)).toEqual(['sept jours', expect.any(String), 'correct', '100']);
  expect(rows[1]?.[14]).toMatch(/^\d+(,\d)?$/u);

  const xml = await downloadOf(page, 'Quiz for Moodle (XML)');
  expect(xml.name).toMatch(/\.moodle\.xml$/);
  const doc = new DOMParser().parseFromString(readFileSync(xml.path, 'utf8'), 'text/xml');
  const types = Array.from(doc.getElementsByTagName('question')).map((q) => q.getAttribute('type'));
  expect(types).toHaveLength(QUIZ_LENGTH + 1);
  expect(new Set(types)).toEqual(new Set(['category', 'shortanswer', 'truefalse', 'multichoice', 'cloze', 'matching', 'ordering', 'essay']));

  const gift = await downloadOf(page, 'Quiz as GIFT');
  const questions = parseGift(readFileSync(gift.path, 'utf8'));
  expect(questions).toHaveLength(QUIZ_LENGTH + 1);
  expect(questions[1]).toMatchObject({ type: 'Short', title: '1. trip-length' });
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('.gift.txt');

  await page.setViewportSize({ width: 320, height: 800 });
  await lmsHeading.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/lms/export-controls-320.png' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
