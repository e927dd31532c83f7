// Files a teacher might open as a lesson's text, made by the tests that need them (unit, bench and e2e), never
// committed: a .docx and an .epub built as the zips of XML they are, PDFs drawn with pdfkit (plain, encrypted,
// and one with a drawing but no text), and short French paragraphs to put in them.
import PDFDocument from 'pdfkit';
import { strToU8, zipSync, type Zippable } from 'fflate';

/** A short French text of three paragraphs, with accents, elisions and « » quotes. */
export const FRENCH_PARAGRAPHS = [
  'Le train de nuit a quitté la gare de Lyon à vingt-deux heures. Dans le couloir, une enfant regardait la pluie sur les vitres.',
  'Sa grand-mère lui avait promis la mer. « Demain matin, tu verras les bateaux », avait-elle dit en souriant.',
  'À l’aube, le train s’est arrêté à Marseille. L’enfant a couru jusqu’au quai, où l’air sentait le sel et le café.',
];

export const ENGLISH_PARAGRAPHS = [
  'The night train left the station at ten in the evening. In the corridor, a child was watching the rain on the windows.',
  'Her grandmother had promised her the sea. Tomorrow morning you will see the boats, she had said with a smile.',
];

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word document: a "Title"-styled first paragraph is not needed; headings are Heading1 paragraphs. */
export function makeDocx(paragraphs: readonly string[], options: { heading?: string; title?: string } = {}): Uint8Array {
  const body = [
    ...(options.heading ? [`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>${escapeXml(options.heading)}</w:t></w:r></w:p>`] : []),
    ...paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`),
  ].join('');
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
    ...(options.title
      ? {
          'docProps/core.xml': strToU8(
            `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(options.title)}</dc:title></cp:coreProperties>`,
          ),
        }
      : {}),
  };
  return zipSync(files);
}

export interface EpubChapter {
  title: string;
  paragraphs: readonly string[];
}

/** An EPUB 3 book: a cover page with no text, then one XHTML file per chapter, titled in its nav document. */
export function makeEpub(title: string, chapters: readonly EpubChapter[]): Uint8Array {
  const xhtml = (body: string): Uint8Array =>
    strToU8(`<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${escapeXml(title)}</title></head><body>${body}</body></html>`);
  const files: Zippable = {
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">test</dc:identifier><dc:title>${escapeXml(title)}</dc:title><dc:language>fr</dc:language></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>${chapters
        .map((_, i) => `<item id="c${i + 1}" href="text/chapter%20${i + 1}.xhtml" media-type="application/xhtml+xml"/>`)
        .join('')}</manifest><spine><itemref idref="cover"/>${chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`).join('')}</spine></package>`,
    ),
    'OEBPS/nav.xhtml': xhtml(
      `<nav epub:type="toc"><ol>${chapters.map((c, i) => `<li><a href="text/chapter%20${i + 1}.xhtml#start">${escapeXml(c.title)}</a></li>`).join('')}</ol></nav>`,
    ),
    'OEBPS/text/cover.xhtml': xhtml('<div><img src="cover.jpg" alt=""/></div>'),
  };
  chapters.forEach((chapter, i) => {
    files[`OEBPS/text/chapter ${i + 1}.xhtml`] = xhtml(`<h2 id="start">${escapeXml(chapter.title)}</h2>${chapter.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}`);
  });
  return zipSync(files);
}

function pdfBytes(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** A PDF of paragraphs set as a word processor would: wrapped lines, a blank line's space between paragraphs. */
export function makePdf(paragraphs: readonly string[], options: { title?: string; userPassword?: string } = {}): Promise<Uint8Array> {
  return pdfBytes({ ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: 'owner' } : {}), info: { Title: options.title ?? '' } }, (doc) => {
    doc.font('Helvetica').fontSize(12);
    for (const paragraph of paragraphs) doc.text(paragraph, { paragraphGap: 12 });
  });
}

/** A "scanned" page: something drawn, no text at all. */
export function makePdfWithoutText(): Promise<Uint8Array> {
  return pdfBytes({}, (doc) => {
    doc.rect(72, 72, 300, 400).fill('#888888');
    doc.addPage().circle(200, 200, 80).fill('#444444');
  });
}
