// CSV files a spreadsheet opens right: RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM for accents, numbers
// left numeric, and every text cell that could run as a formula neutralised. Two dialects: the standard one
// (comma, decimal point, ISO-like dates) and the French-locale one a French spreadsheet opens by a double click
// (semicolon, decimal comma, dd/mm/yyyy); both keep the same machine header.
import { stringify } from 'csv-stringify/sync';
import type { AttemptAnswerRow } from '../../core/reports/attempt-rows';
import type { ClassReport } from '../../core/reports/class-report';
import { safeCell, type Cell } from '../../core/reports/csv-safety';
import type { InterfaceLanguage } from '../../shared/contract/fields';
import type { CsvLocale } from '../../shared/contract/lms';
import { labelsFor } from './labels';
import { attemptsSheet, classSummarySheet, wallClock, type Sheet, type Value } from './sheet';

const BOM = '\uFEFF';

export function toCsv(header: string[], rows: Cell[][], locale: CsvLocale = 'standard'): Buffer {
  const french = locale === 'fr';
  const body = stringify([header.map(safeCell), ...rows.map((row) => row.map(safeCell))], {
    record_delimiter: 'windows',
    delimiter: french ? ';' : ',',
    cast: { number: (n) => (french ? String(n).replace('.', ',') : String(n)) },
  });
  return Buffer.from(BOM + body, 'utf8');
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * A stored ISO time as a spreadsheet reads it, in the given IANA zone (the teacher's, sent by their screen: the
 * backend does not know it), which the file states in its time_zone column: "2024-05-01 10:00:00", or
 * "01/05/2024 10:00:00" in the French dialect.
 */
export function localTime(iso: string, timeZone: string, locale: CsvLocale = 'standard'): string {
  const t = wallClock(iso, timeZone);
  if (!t) return iso;
  const clock = `${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
  return locale === 'fr' ? `${two(t.day)}/${two(t.month)}/${t.year} ${clock}` : `${t.year}-${two(t.month)}-${two(t.day)} ${clock}`;
}

function sheetCsv(sheet: Sheet, locale: CsvLocale): Buffer {
  const cell = (value: Value, kind: Sheet['columns'][number]['kind']): Cell => {
    if (value === null) return '';
    if (kind === 'percent' && typeof value === 'number') return Math.round(value * 1000) / 10;
    if (kind === 'datetime' && typeof value === 'string') return localTime(value, sheet.timeZone, locale);
    return value;
  };
  return toCsv(
    sheet.columns.map((c) => c.key),
    sheet.rows.map((row) => row.map((value, i) => cell(value, sheet.columns[i]!.kind))),
    locale,
  );
}

export function classSummaryCsv(report: ClassReport, locale: CsvLocale = 'standard'): Buffer {
  return sheetCsv(classSummarySheet(report, 'UTC'), locale);
}

/** One row per learner × question × attempt: the answer given beside the right one, the score as a percentage. */
export function attemptsCsv(rows: AttemptAnswerRow[], timeZone: string, locale: CsvLocale = 'standard', language?: InterfaceLanguage): Buffer {
  return sheetCsv(
    attemptsSheet(rows, timeZone, (iso) => localTime(iso, timeZone, locale), labelsFor(language)),
    locale,
  );
}
