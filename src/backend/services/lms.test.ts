// The teacher's exports for the school's LMS and spreadsheets, on real SQLite: the quiz as GIFT and Moodle XML,
// the workbooks read back with exceljs (and their parts listed by Python's zipfile), the French-locale CSV read
// back with Python's csv module, each beside the standard CSV of the same answers.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseGift } from 'gift-pegjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { callOk, downloadedFile } from '../../../test/support/backend';
import { firstWorksheet, pythonCsvRows } from '../../../test/support/spreadsheet-readers';
import { createBackend, type Backend } from '../backend';

const LESSON = 'kim-russie';
const ZONE = 'Pacific/Auckland';

const call = callOk;
const download = downloadedFile;

/** Rows as Python's csv module reads the file. */
function pythonCsv(bytes: Buffer, delimiter: string, dir: string): string[][] {
  const file = join(dir, `read-${delimiter === ';' ? 'fr' : 'std'}.csv`);
  writeFileSync(file, bytes);
  return pythonCsvRows(file, delimiter);
}

const workbookRows = firstWorksheet;

describe('LMS and spreadsheet exports', () => {
  let dir: string;
  let backend: Backend;
  let teacherToken: string;
  const exportOf = async (input: Omit<CallInput<'reports:export'>, 'teacherToken' | 'lessonId'>) =>
    download(await call(backend, 'reports:export', { teacherToken, lessonId: LESSON, timeZone: ZONE, ...input }));

  beforeAll(async () => {
    dir = makeTempDir();
    backend = createBackend({ dataDir: dir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'test', now: () => new Date('2024-05-01T10:00:00.000Z') });
    teacherToken = (await call(backend, 'teacher:setPin', { pin: '482916' })).teacherToken;
    for (const [n, name] of ['Amélie', 'Bruno', '=SUM(1)'].entries()) {
      const learner = await call(backend, 'learners:create', { name });
      const attempt = await call(backend, 'quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
      for (const question of attempt.questions.slice(0, 4 + n)) {
        const answer = question.type === 'true-false' ? { type: 'true-false' as const, value: n !== 1 } : question.type === 'single' ? { type: 'single' as const, choice: question.options[n % question.options.length]!.id } : { type: 'short-answer' as const, text: 'sept jours' };
        if (answer.type !== question.type) continue;
        await call(backend, 'quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: question.id, answer, timeMs: 1500 + n });
      }
    }
  }, 60_000);

  afterAll(() => {
    backend.close();
    removeTempDir(dir);
  });

  it('exports the lesson’s quiz as GIFT that a GIFT parser reads whole, and as Moodle XML', async () => {
    const gift = download(await call(backend, 'lms:exportQuiz', { teacherToken, lessonId: LESSON, format: 'gift' }));
    expect(gift.fileName).toBe('liseuse-kim-russie-quiz-2024-05-01.gift.txt');
    const questions = parseGift(gift.bytes.toString('utf8'));
    expect(questions[0]?.type).toBe('Category');
    expect(questions).toHaveLength(26);
    const xml = download(await call(backend, 'lms:exportQuiz', { teacherToken, lessonId: LESSON, format: 'moodle-xml' }));
    expect(xml.fileName).toBe('liseuse-kim-russie-quiz-2024-05-01.moodle.xml');
    expect(xml.bytes.toString('utf8').match(/<question type="/gu)).toHaveLength(26);
  });

  it('refuses a lesson that does not exist by name, and writes nothing', async () => {
    const refused = await backend.call('lms:exportQuiz', { teacherToken, lessonId: 'no-such-lesson', format: 'gift' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('writes each spreadsheet as xlsx with the CSV’s keys in a hidden first row, bold frozen titles, scores as 0% and times as dates in the teacher’s zone', async () => {
    for (const report of ['class', 'attempts'] as const) {
      const csv = parseCsv((await exportOf({ report, format: 'csv' })).bytes.toString('utf8'), { bom: true }) as string[][];
      const file = await exportOf({ report, format: 'xlsx' });
      expect(file.fileName).toMatch(new RegExp(`^liseuse-kim-russie-${report}-2024-05-01\\.xlsx$`, 'u'));
      const sheet = await workbookRows(file.bytes);
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(csv[0]);
      expect(sheet.getRow(1).hidden).toBe(true);
      expect(sheet.getRow(2).font?.bold).toBe(true);
      expect(sheet.getRow(2).getCell(2).value).toBe('Learner');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.rowCount).toBe(csv.length + 1);
      csv.slice(1).forEach((row, r) => {
        const cells = sheet.getRow(r + 3);
        header.forEach((key, c) => {
          const cell = cells.getCell(c + 1);
          const text = row[c]!;
          if (String(key).endsWith('_pct')) {
            if (text === '') expect(cell.value).toBeNull();
            else {
              expect(cell.numFmt).toBe('0%');
              expect(cell.value as number).toBeCloseTo(Number(text) / 100, 6);
            }
          } else if (key === 'attempt_started' || (key === 'attempt_finished' && text !== '')) {
            // The CSV's local time is the workbook's date: the same wall clock, with no zone.
            expect((cell.value as Date).toISOString().slice(0, 19).replace('T', ' ')).toBe(text);
          } else if (/^-?\d+(\.\d+)?$/u.test(text)) expect(cell.value).toBe(Number(text));
          else expect(String(cell.value ?? '')).toBe(text.replace(/^'/u, ''));
        });
      });
    }
  });

  it('the workbook is a real xlsx: Python’s zipfile lists its sheet', async () => {
    const path = join(dir, 'class.xlsx');
    writeFileSync(path, (await exportOf({ report: 'class', format: 'xlsx' })).bytes);
    const names = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', path], { encoding: 'utf8' });
    expect(names.split('\n')).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', '[Content_Types].xml']));
  });

  it('writes the French-locale CSV with semicolons, decimal commas and dd/mm/yyyy, the same header and values as the standard one', async () => {
    for (const report of ['class', 'attempts'] as const) {
      const standard = pythonCsv((await exportOf({ report, format: 'csv' })).bytes, ',', dir);
      const frenchBytes = (await exportOf({ report, format: 'csv', csvLocale: 'fr' })).bytes;
      expect([...frenchBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const french = pythonCsv(frenchBytes, ';', dir);
      expect(french[0]).toEqual(standard[0]);
      expect(french).toHaveLength(standard.length);
      const asStandard = (text: string): string =>
        text.replace(/^(\d{2})\/(\d{2})\/(\d{4}) /u, '$3-$2-$1 ').replace(/^(-?\d+),(\d+)$/u, '$1.$2');
      french.slice(1).forEach((row, r) => expect(row.map(asStandard)).toEqual(standard[r + 1]));
      if (report === 'attempts') {
        expect(french[1]![4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/u);
        expect(french.slice(1).some((row) => /^\d+,\d$/u.test(row[14]!))).toBe(true);
      }
    }
  });

  it('keeps the teacher’s CSV choice, unset until chosen, and refuses an unknown one', async () => {
    expect(await call(backend, 'lms:exportSettings', { teacherToken })).toEqual({ csvLocale: null });
    expect(await call(backend, 'lms:setExportSettings', { teacherToken, csvLocale: 'fr' })).toEqual({ csvLocale: 'fr' });
    expect(await call(backend, 'lms:exportSettings', { teacherToken })).toEqual({ csvLocale: 'fr' });
    const refused = await backend.call('lms:setExportSettings', { teacherToken, csvLocale: 'de' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(backend, 'lms:exportSettings', { teacherToken })).toEqual({ csvLocale: 'fr' });
  });
});
