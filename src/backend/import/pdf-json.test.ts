// Reading a PDF loads pdfjs, whose polyfills once made JSON.parse accept a cut-short text: a truncated results file
// then passed as JSON and was refused for the wrong reason (its missing fields). The natives must stay.
import { describe, expect, it } from 'vitest';
import { parseResultFile } from '../../core/reports/result-file';
import { makePdfWithoutText } from '../../../test/support/import-files';
import { readPdf } from './pdf';

describe('reading a PDF', () => {
  it('leaves JSON.parse strict: a truncated results file is still "not valid JSON"', async () => {
    await readPdf(Buffer.from(await makePdfWithoutText()), 'scan.pdf').catch(() => null);
    expect(() => JSON.parse('{"a":1,')).toThrow();
    expect(() => parseResultFile('{"format":"liseuse-results","version":1,')).toThrow(/not valid JSON/);
  });
});
