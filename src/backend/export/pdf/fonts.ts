// The two fonts every PDF report is set in, and which characters each can draw.
import { createRequire } from 'node:module';
import { openSync } from 'fontkit';

// DejaVu Sans covers Latin (ł, ß, œ), Greek, Cyrillic and much more, so any learner's name prints; the 14
// standard PDF fonts only know Latin-1. The fonts are embedded (subset) in every file, so the PDF reads the same
// on any machine.
const requireFromHere = createRequire(import.meta.url);
export const FONT_PATHS = {
  regular: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
export type FontKind = keyof typeof FONT_PATHS;

export interface FontInfo {
  /**
   * Whether the font has a glyph for the code point. A font lacking a character draws an empty box (.notdef)
   * that copies as nothing; knowing the coverage lets us print a visible, copyable U+FFFD for an emoji instead.
   */
  covers(codePoint: number): boolean;
  /** What a character the font lacks is drawn as: U+FFFD when the font has it. */
  replacement: string;
}

let fontInfo: Record<FontKind, FontInfo> | undefined;

/** Both fonts' coverage, read from their cmap by fontkit the first time a report needs it. */
export function fonts(): Record<FontKind, FontInfo> {
  if (!fontInfo) {
    const info = (path: string): FontInfo => {
      const font = openSync(path);
      const covers = (codePoint: number): boolean => font.hasGlyphForCodePoint(codePoint);
      return { covers, replacement: covers(0xfffd) ? '\uFFFD' : '?' };
    };
    fontInfo = { regular: info(FONT_PATHS.regular), bold: info(FONT_PATHS.bold) };
  }
  return fontInfo;
}
