// A Word document's text, by mammoth (the well-kept .docx reader): its HTML, read like a web page, so headings,
// paragraphs, list items and table cells each stay one paragraph. The archive is checked by readZip first and
// mammoth is given only what that unpacked, so a zip bomb never reaches it.
import mammoth from 'mammoth';
import { htmlText } from '../../core/import/html-text';
import { readZip, repack } from './zip';
import { refusals } from './refusals';
import type { ReadText } from './types';

const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** The document's own title (File > Properties), when it has one. */
function coreTitle(core: Uint8Array | undefined): string | undefined {
  if (!core) return undefined;
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(core))?.[1]?.trim();
  return title || undefined;
}

export const readDocx: ReadText = async (bytes, fileName) => {
  const files = readZip(bytes, fileName, 'Word document');
  if (!files['word/document.xml']) throw refusals.damaged(fileName, 'it is not a Word document (it has no word/document.xml).');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(repack(files)) }, { convertImage: NO_IMAGES })).value;
  } catch {
    throw refusals.damaged(fileName, 'the Word document inside is damaged.');
  }
  const text = htmlText(html);
  const title = text.title ?? coreTitle(files['docProps/core.xml']);
  return { paragraphs: text.paragraphs, ...(title ? { title } : {}) };
};
