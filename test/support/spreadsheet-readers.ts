// The real readers a spreadsheet export is read back with in tests: Python's csv module and exceljs.
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';

/** Rows as Python's csv module reads the file at `path` (the BOM decoded by utf-8-sig). */
export function pythonCsvRows(path: string, delimiter: string): string[][] {
  const script = `import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f: print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))`;
  return JSON.parse(execFileSync('python3', ['-c', script, path, delimiter], { encoding: 'utf8' })) as string[][];
}

/** The first sheet of a workbook, as exceljs loads it. */
export async function firstWorksheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
