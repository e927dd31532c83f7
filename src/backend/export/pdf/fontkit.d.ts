// fontkit (pdfkit's font engine) ships no types; this is the one question the PDF code asks it.
declare module 'fontkit' {
  interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
