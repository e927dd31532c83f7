// What a report's request says about how its PDF reads: the teacher's language and time zone.
import type { InterfaceLanguage } from '../../../shared/contract/fields';

export interface PdfOptions {
  /** English when absent. */
  language?: InterfaceLanguage;
  /** The zone dates are written in; UTC when absent. */
  timeZone?: string;
}
