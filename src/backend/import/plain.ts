// Plain text and web pages: bytes decoded by core/import/decode-text (byte-order mark, strict UTF-8, else
// Windows-1252), then split into paragraphs (plain text) or read for the article's text (HTML).
import { decodeText } from '../../core/import/decode-text';
import { htmlText } from '../../core/import/html-text';
import { paragraphsOfPlainText } from '../../core/import/paragraphs';
import { refusals } from './refusals';
import type { ReadText } from './types';

function decoded(bytes: Uint8Array, fileName: string): string {
  const result = decodeText(bytes);
  if (!result.ok) throw refusals.binary(fileName);
  return result.text;
}

export const readPlainText: ReadText = async (bytes, fileName) => ({ paragraphs: paragraphsOfPlainText(decoded(bytes, fileName)) });

export const readHtml: ReadText = async (bytes, fileName) => {
  const { paragraphs, title } = htmlText(decoded(bytes, fileName));
  return { paragraphs, ...(title ? { title } : {}) };
};
