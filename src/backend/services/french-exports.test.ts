// The teacher's exports in French (issue 18), on real SQLite and read back by real readers: the class report's PDF
// by pdfjs and by poppler's pdftotext, the CSV by Python's csv, the workbook by exceljs. What a script reads (the
// CSV header, the workbook's key row, JSON keys) is the same as in English; what a person reads is French.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { callOk, downloadedFile } from '../../../test/support/backend';
import { pdfText } from '../../../test/support/pdf-text';
import { firstWorksheet, pythonCsvRows } from '../../../test/support/spreadsheet-readers';
import { createBackend, type Backend } from '../backend';
import { EXPORT_LABELS } from '../export/labels';

const LESSON = 'kim-russie';

const rowValues = (sheet: ExcelJS.Worksheet, n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1);

describe('exports in French', () => {
  let dir: string;
  let backend: Backend;
  let teacherToken: string;
  const exportOf = async (input: Omit<CallInput<'reports:export'>, 'teacherToken' | 'lessonId'>) =>
    downloadedFile(await callOk(backend, 'reports:export', { teacherToken, lessonId: LESSON, timeZone: 'Europe/Paris', ...input }));

  beforeAll(async () => {
    dir = makeTempDir();
    backend = createBackend({ dataDir: dir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'test', now: () => new Date('2024-05-01T10:00:00.000Z') });
    teacherToken = (await callOk(backend, 'teacher:setPin', { pin: '482916' })).teacherToken;
    for (const [n, name] of ['Amélie', 'Bruno'].entries()) {
      const learner = await callOk(backend, 'learners:create', { name });
      const attempt = await callOk(backend, 'quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
      for (const question of attempt.questions) {
        // Bruno also writes an open answer, which awaits the teacher.
        const answer =
          question.type === 'true-false'
            ? { type: 'true-false' as const, value: n === 0 }
            : question.type === 'single'
              ? { type: 'single' as const, choice: question.options[n]!.id }
              : question.type === 'open' && n === 1
                ? { type: 'open' as const, text: 'Ils se sont vus en Russie.' }
                : null;
        if (answer) await callOk(backend, 'quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: question.id, answer, timeMs: 2500 });
      }
    }
  }, 60_000);

  afterAll(() => {
    backend.close();
    removeTempDir(dir);
  });

  it('writes the class report PDF with French headings, dates and percentages, and no English heading, as pdfjs and pdftotext read it', async () => {
    const file = await exportOf({ report: 'class', format: 'pdf', language: 'fr' });
    const path = join(dir, 'bilan.pdf');
    writeFileSync(path, file.bytes);
    const poppler = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const pdfjs = await pdfText(file.bytes);
    const fr = EXPORT_LABELS.fr.classReport;
    const en = EXPORT_LABELS.en.classReport;
    for (const text of [pdfjs, poppler.replace(/[ \u00a0\u202f]+/gu, ' ')]) {
      for (const heading of [fr.kind, fr.overview, fr.bestPerLearner, fr.questionAnalysis, fr.facilityPerQuestion, fr.byParagraph]) expect(text).toContain(heading);
      for (const heading of [en.kind, en.overview, en.bestPerLearner, en.questionAnalysis, en.facilityPerQuestion, en.byParagraph, 'Generated', 'Page 1 of', '(continued)']) expect(text).not.toContain(heading);
      // 10:00 UTC is noon in Paris in May, written the French way.
      expect(text).toContain('Établi le 1 mai 2024, 12:00 UTC+2');
      expect(text).toMatch(/Page 1 sur \d/u);
      expect(text).toContain(`${fr.questionAnalysis} (suite)`);
    }
    // The narrow no-break space before % reads back as a space (neither reader keeps U+202F); never glued.
    expect(pdfjs).toMatch(/\d+ %/u);
    expect(pdfjs).not.toMatch(/\d%/u);
  }, 20_000);

  it('writes the French CSV with the English machine keys, as Python’s csv reads it, and French values', async () => {
    for (const report of ['class', 'attempts'] as const) {
      const english = join(dir, `${report}-en.csv`);
      const french = join(dir, `${report}-fr.csv`);
      writeFileSync(english, (await exportOf({ report, format: 'csv' })).bytes);
      writeFileSync(french, (await exportOf({ report, format: 'csv', language: 'fr' })).bytes);
      const [enHeader, ...enRows] = pythonCsvRows(english, ',');
      const [frHeader, ...frRows] = pythonCsvRows(french, ';');
      expect(frHeader).toEqual(enHeader);
      expect(frRows).toHaveLength(enRows.length);
      if (report === 'attempts') {
        const started = frHeader!.indexOf('attempt_started');
        expect(frRows[0]![started]).toMatch(/^01\/05\/2024 12:00:00$/u);
        expect(enRows[0]![started]).toBe('2024-05-01 12:00:00');
        const seconds = frHeader!.indexOf('seconds');
        expect([enRows[0]![seconds], frRows[0]![seconds]]).toEqual(['2.5', '2,5']);
        // A true-false question's right answer in each file's words (core gives its value, 'true').
        const question = frHeader!.indexOf('question_id');
        const right = frHeader!.indexOf('right_answer');
        const trueFalse = (rows: string[][]): string[] => [...new Set(rows.filter((r) => r[question] === 'longest-trip').map((r) => r[right]!))];
        expect([trueFalse(enRows), trueFalse(frRows)]).toEqual([['True'], ['Vrai']]);
      }
    }
    // Four exports and four Python runs: slow on a loaded machine.
  }, 30_000);

  it('writes the attempts CSV’s verdicts in each file’s words, as Python’s csv reads them', async () => {
    const verdicts = async (language: 'en' | 'fr'): Promise<string[]> => {
      const path = join(dir, `verdicts-${language}.csv`);
      writeFileSync(path, (await exportOf({ report: 'attempts', format: 'csv', language })).bytes);
      const [header, ...rows] = pythonCsvRows(path, language === 'fr' ? ';' : ',');
      const verdict = header!.indexOf('verdict');
      return [...new Set(rows.map((r) => r[verdict]!))].sort();
    };
    expect(await verdicts('en')).toEqual(['awaiting the teacher', 'correct', 'wrong']);
    expect(await verdicts('fr')).toEqual(['en attente de l’enseignant', 'faux', 'juste']);
  }, 20_000);

  it('writes the French workbook with the same hidden key row as the English one and French column titles above the data', async () => {
    const english = await firstWorksheet((await exportOf({ report: 'attempts', format: 'xlsx' })).bytes);
    const french = await firstWorksheet((await exportOf({ report: 'attempts', format: 'xlsx', language: 'fr' })).bytes);
    expect(rowValues(french, 1)).toEqual(rowValues(english, 1));
    expect(french.getRow(1).hidden).toBe(true);
    expect(rowValues(french, 1).slice(0, 2)).toEqual(['learner_id', 'learner']);
    expect(rowValues(french, 2).slice(0, 5)).toEqual(['Identifiant de l’élève', 'Élève', 'Identifiant de la tentative', 'Tentative', 'Commencée le']);
    expect(rowValues(english, 2).slice(0, 2)).toEqual(['Learner ID', 'Learner']);
    expect(french.name).toBe('Toutes les réponses');
    // The data are the same but for words a person reads: this row's true-false answer, right answer and verdict.
    const answer = rowValues(english, 1).indexOf('answer');
    expect(rowValues(english, 1).slice(answer, answer + 3)).toEqual(['answer', 'right_answer', 'verdict']);
    expect(rowValues(english, 3).slice(answer, answer + 3)).toEqual(['True', 'True', 'correct']);
    expect(rowValues(french, 3).slice(answer, answer + 3)).toEqual(['Vrai', 'Vrai', 'juste']);
    expect(rowValues(french, 3).toSpliced(answer, 3)).toEqual(rowValues(english, 3).toSpliced(answer, 3));
  });

  it('refuses a language it does not know, by name', async () => {
    const refused = await backend.call('reports:export', { teacherToken, lessonId: LESSON, report: 'class', format: 'pdf', language: 'de' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
