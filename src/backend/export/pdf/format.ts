// How numbers and dates read in the reports: fixed and locale-free, so the bytes never depend on the machine.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const two = (n: number): string => String(n).padStart(2, '0');

export function validDate(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "12 May 2024, 14:03 UTC": UTC so that the same report prints the same on every machine. */
export function formatDate(iso: string | null | undefined): string {
  const d = validDate(iso);
  if (!d) return '—';
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

/** Whole percent, as the teacher sees it on screen; "—" for no score. */
export const percent = (share: number | null): string => (share === null || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`);
export const minutes = (seconds: number): string => (seconds / 60).toFixed(1);
export const decimal = (value: number): string => value.toFixed(2);
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
/** Signed, with a true minus sign: D runs from −1 to +1 and the sign is the point. */
export const signed = (value: number): string => (value > 0 ? `+${value.toFixed(2)}` : value < 0 ? `−${Math.abs(value).toFixed(2)}` : '0.00');
