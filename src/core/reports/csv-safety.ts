// Spreadsheet-safe cells: a text cell a spreadsheet could read as a formula is neutralised with a leading
// apostrophe (OWASP's advice); numbers stay numbers so sums and charts still work.

// = + - @, tab, CR, LF, and their full-width forms (＝ ＋ － ＠), which some spreadsheets also treat as formulas.
// Leading spaces do not make a formula harmless: " =1+1" is neutralised too.
const FORMULA_START = /^[\t\r\n]|^[\s\u3000]*[=+\-@＝＋－＠]/u;

export type Cell = string | number | boolean | null | undefined;

export function safeCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return FORMULA_START.test(value) ? `'${value}` : value;
}
