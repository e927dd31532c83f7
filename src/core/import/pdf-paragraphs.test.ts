import { describe, expect, it } from 'vitest';
import { paragraphsOfPdfPages, type PdfLine } from './pdf-paragraphs';

/** Lines set 14 pt apart, 12 pt type, from x = 72 to 520 unless given. */
function lines(...texts: (string | { text: string; gap?: number; x?: number; end?: number })[]): PdfLine[] {
  let baseline = 80;
  return texts.map((entry) => {
    const line = typeof entry === 'string' ? { text: entry } : entry;
    baseline += line.gap ?? 14;
    return { text: line.text, baseline, size: 12, xMin: line.x ?? 72, xMax: line.end ?? 520 };
  });
}

describe('a PDF’s lines joined into paragraphs', () => {
  it('a wider gap opens a paragraph; wrapped lines are joined', () => {
    const page = lines('Le train de nuit a quitté', 'la gare à dix heures.', { text: 'Sa grand-mère lui avait', gap: 26 }, 'promis la mer.');
    expect(paragraphsOfPdfPages([page])).toEqual(['Le train de nuit a quitté la gare à dix heures.', 'Sa grand-mère lui avait promis la mer.']);
  });

  it('an indented first line, or a short line ending a sentence, opens one too', () => {
    const page = lines('Un début de texte assez long', { text: 'qui finit ici.', end: 200 }, 'Puis un autre', { text: 'Et un retrait.', x: 100 });
    expect(paragraphsOfPdfPages([page])).toEqual(['Un début de texte assez long qui finit ici.', 'Puis un autre', 'Et un retrait.']);
  });

  it('a paragraph runs on over a page break unless the page ended its sentence; page numbers are dropped', () => {
    const one = lines('Le train roulait dans', 'la nuit vers', { text: '1', x: 290, end: 300, gap: 40 });
    const two = lines('Marseille.', '— 2 —');
    const three = lines('Fin.');
    expect(paragraphsOfPdfPages([one, two, three])).toEqual(['Le train roulait dans la nuit vers Marseille.', 'Fin.']);
  });

  it('pages with no lines give no paragraph', () => {
    expect(paragraphsOfPdfPages([[], []])).toEqual([]);
  });
});
