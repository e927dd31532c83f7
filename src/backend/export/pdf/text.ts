// Untrusted text made safe to lay out: one clean line per string, in characters the font can draw.
import type { FontInfo } from './fonts';

/** Longer input is cut before any work: a cell shows at most a few lines anyway, and measuring costs. */
const MAX_INPUT = 2000;
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/**
 * Characters that can join their neighbours into one user-perceived character: combining marks, joiners,
 * Hangul jamo, Arabic prepended signs, and anything beyond the BMP (emoji, flags, modifiers). Text without them,
 * nearly all text, splits into graphemes per code point; the segmenter is exact but ~50 times slower.
 */
// (The joiners sit outside the class: a joiner inside one reads as a joined sequence to linters and readers.)
const CLUSTERING = /[\p{M}\u0600-\u0605\u06DD\u070F\u08E2\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u{10000}-\u{10FFFF}]|\u200C|\u200D/u;

/** The user-perceived characters of a text, so a cut never splits an accent from its letter or an emoji in two. */
export const graphemes = (text: string): string[] => (CLUSTERING.test(text) ? Array.from(graphemeSegmenter.segment(text), (s) => s.segment) : Array.from(text));

/**
 * One clean line of text for one font: control characters and line breaks become spaces (a cell stays one
 * paragraph that we wrap ourselves), direction overrides and invisible formatting marks are dropped (pdfkit lays
 * text out left to right; an RLO would only scramble the order), runs of breaking white space collapse, and a character
 * the font has no glyph for (an emoji, say) becomes one replacement mark per user-perceived character.
 */
export function cleanText(raw: string, font: FontInfo): string {
  const flat = raw
    .slice(0, MAX_INPUT)
    .normalize('NFC')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/[\u00AD\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu, '')
    // Breaking white space collapses; the no-break spaces French typography puts before : ; ! ? % stay, so a wrap
    // never leaves a colon alone at the start of a line.
    .replace(/[^\S\u00a0\u202f]+/gu, ' ')
    .trim();
  let out = '';
  for (const cluster of graphemes(flat)) out += drawable(cluster, font) ?? drawable(cluster.normalize('NFKC'), font) ?? font.replacement;
  return out;
}

/**
 * A character as the font can draw it, or undefined. A base the font has keeps the marks the font also has (a
 * variation selector it lacks is simply dropped). The caller retries with the compatibility form, so a full-width
 * Ｗ or a ligature ﬁ the font lacks still prints as W or fi rather than a replacement mark.
 */
function drawable(cluster: string, font: FontInfo): string | undefined {
  const has = (p: string): boolean => font.covers(p.codePointAt(0) ?? 0);
  const points = Array.from(cluster);
  const base = points[0];
  return base !== undefined && has(base) ? points.filter(has).join('') : undefined;
}

/** Document metadata shows in the viewer's title bar: one line, of a sane length, whatever the learner's name. */
export function metadataText(text: string): string {
  const flat = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').replace(/\s+/gu, ' ').trim();
  const parts = graphemes(flat);
  return parts.length > 160 ? `${parts.slice(0, 159).join('')}…` : flat;
}
