// How numbers and dates read in the reports, in the teacher's language and time zone. Only Intl with an explicit
// locale and zone is read (never the machine's), so the same report in the same language and zone always gives the
// same bytes.
import type { InterfaceLanguage } from '../../../shared/contract/fields';
import { labelsFor, type ExportLabels } from '../labels';

export function validDate(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The words, numbers and dates of one report: built once per file from the request's language and zone. */
export interface ReportFormat {
  labels: ExportLabels;
  language: InterfaceLanguage;
  /** "12 May 2024, 14:03 UTC" / "12 mai 2024, 16:03 UTC+2", in the teacher's zone; "—" for none. */
  date: (iso: string | null | undefined) => string;
  /** Whole percent as on screen ("47%", « 47 % »); "—" for no score. */
  percent: (share: number | null) => string;
  /** Minutes to one decimal ("2.5", « 2,5 »). */
  minutes: (seconds: number) => string;
  /** Two decimals, for facility and discrimination. */
  decimal: (value: number) => string;
  /** Signed, with a true minus sign: D runs from −1 to +1 and the sign is the point. */
  signed: (value: number) => string;
}

/** French typography puts a narrow no-break space before %, where Intl gives a full one. */
const narrowPercent = (text: string): string => text.replace(/\u00a0%/gu, '\u202f%');

export function reportFormat(language: InterfaceLanguage = 'en', timeZone = 'UTC'): ReportFormat {
  const labels = labelsFor(language);
  const { locale } = labels;
  const dateParts = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const tenths = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  const hundredths = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  const decimal = (value: number): string => hundredths.format(value);
  return {
    labels,
    language,
    date: (iso) => {
      const d = validDate(iso);
      if (!d) return '—';
      const p = Object.fromEntries(dateParts.formatToParts(d).map((part) => [part.type, part.value]));
      return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${p.timeZoneName}`;
    },
    percent: (share) => (share === null || !Number.isFinite(share) ? '—' : narrowPercent(percentFormat.format(share))),
    minutes: (seconds) => tenths.format(seconds / 60),
    decimal,
    signed: (value) => (value > 0 ? `+${decimal(value)}` : value < 0 ? `−${decimal(Math.abs(value))}` : decimal(0)),
  };
}
