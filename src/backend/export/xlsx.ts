// Excel workbooks beside the CSV files: the same columns (sheet.ts), with real date cells in the teacher's zone,
// scores as fractions shown as percentages. Row 1 holds the machine keys (the CSV's header, the same in every
// language, hidden: scripts read it), row 2 the column titles in the teacher's language, bold, kept in view.
import ExcelJS from 'exceljs';
import type { AttemptAnswerRow } from '../../core/reports/attempt-rows';
import type { ClassReport } from '../../core/reports/class-report';
import { localTime } from './csv';
import type { InterfaceLanguage } from '../../shared/contract/fields';
import { labelsFor } from './labels';
import { attemptsSheet, classSummarySheet, wallClock, type ColumnKind, type Sheet, type Value } from './sheet';

const NUMBER_FORMAT: Partial<Record<ColumnKind, string>> = { percent: '0%', datetime: 'yyyy-mm-dd hh:mm:ss' };

/**
 * An Excel date has no zone: it is the wall-clock time the teacher reads, so the instant is turned into that
 * time in their zone, stored as if it were UTC (which is how exceljs writes a Date).
 */
function excelDate(iso: string, timeZone: string): Date | string {
  const t = wallClock(iso, timeZone);
  return t ? new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second)) : iso;
}

function cell(value: Value, kind: ColumnKind, timeZone: string): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (kind === 'datetime' && typeof value === 'string') return excelDate(value, timeZone);
  return value;
}

export async function sheetXlsx(sheet: Sheet, language: InterfaceLanguage = 'en'): Promise<Buffer> {
  const labels = labelsFor(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Liseuse';
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] });
  worksheet.columns = sheet.columns.map((c) => ({
    header: c.key,
    key: c.key,
    width: c.kind === 'datetime' ? 20 : c.kind === 'text' ? 24 : 12,
    ...(NUMBER_FORMAT[c.kind] ? { style: { numFmt: NUMBER_FORMAT[c.kind] } } : {}),
  }));
  worksheet.getRow(1).hidden = true;
  worksheet.addRow(sheet.columns.map((c) => labels.columnTitles[c.key] ?? c.key)).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row.map((value, i) => cell(value, sheet.columns[i]!.kind, sheet.timeZone)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const classSummaryXlsx = (report: ClassReport, timeZone: string, language?: InterfaceLanguage): Promise<Buffer> =>
  sheetXlsx({ ...classSummarySheet(report, timeZone), name: labelsFor(language).sheetNames.classSummary }, language);

export const attemptsXlsx = (rows: AttemptAnswerRow[], timeZone: string, language?: InterfaceLanguage): Promise<Buffer> =>
  sheetXlsx({ ...attemptsSheet(rows, timeZone, (iso) => localTime(iso, timeZone), labelsFor(language)), name: labelsFor(language).sheetNames.attempts }, language);
