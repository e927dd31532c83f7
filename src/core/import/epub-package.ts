// The parts of an EPUB that say where its chapters are: META-INF/container.xml names the package (OPF) file; the
// package lists the files (manifest), their reading order (spine) and the table of contents (an EPUB 3 nav
// document or an EPUB 2 NCX), which gives each chapter its title. Read with patterns, not a full XML parser:
// only tags and their attributes matter here, and a malformed file simply yields fewer chapters.
import { decodeEntities } from './html-entities';
import { tidyParagraph } from './paragraphs';

export interface EpubPackage {
  title?: string;
  /** The chapter files in reading order, as paths inside the archive. */
  spine: string[];
  /** The table of contents' path, and which kind it is. */
  tocPath?: string;
  tocKind?: 'nav' | 'ncx';
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of every tag with this local name (`<opf:item>` is an `item`). */
export function tagsNamed(xml: string, name: string): Record<string, string>[] {
  const tags: Record<string, string>[] = [];
  for (const match of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const [, key = '', double, single] of (match[1] ?? '').matchAll(ATTRIBUTE)) attributes[key] = decodeEntities(double ?? single ?? '');
    tags.push(attributes);
  }
  return tags;
}

/** A path inside the archive from an href relative to the file at `from`; null for one that leaves the archive. */
export function resolvePath(from: string, href: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split('#')[0] ?? '');
  } catch {
    return null;
  }
  if (/^[a-z][\w+.-]*:/i.test(decoded) || decoded.startsWith('/')) return null;
  const parts = from.split('/').slice(0, -1);
  for (const part of decoded.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** container.xml's package file. */
export function packagePath(containerXml: string): string | null {
  const rootfile = tagsNamed(containerXml, 'rootfile').find((r) => (r['media-type'] ?? 'application/oebps-package+xml') === 'application/oebps-package+xml');
  return rootfile?.['full-path'] ? resolvePath('', rootfile['full-path']) : null;
}

export function readPackage(opf: string, opfPath: string): EpubPackage {
  const manifest = new Map<string, { path: string; type: string; properties: string }>();
  for (const item of tagsNamed(opf, 'item')) {
    const path = item.href ? resolvePath(opfPath, item.href) : null;
    if (item.id && path) manifest.set(item.id, { path, type: item['media-type'] ?? '', properties: item.properties ?? '' });
  }
  const spine: string[] = [];
  for (const ref of tagsNamed(opf, 'itemref')) {
    const item = manifest.get(ref.idref ?? '');
    if (item && /html/.test(item.type)) spine.push(item.path);
  }
  const nav = [...manifest.values()].find((item) => item.properties.split(/\s+/).includes('nav'));
  const ncxId = tagsNamed(opf, 'spine')[0]?.toc;
  const ncx = (ncxId ? manifest.get(ncxId) : undefined) ?? [...manifest.values()].find((item) => item.type === 'application/x-dtbncx+xml');
  const rawTitle = /<dc:title[^>]*>([^<]*)<\/dc:title>/.exec(opf)?.[1];
  const title = rawTitle ? tidyParagraph(decodeEntities(rawTitle)) : '';
  return {
    ...(title ? { title } : {}),
    spine,
    ...(nav ? { tocPath: nav.path, tocKind: 'nav' as const } : ncx ? { tocPath: ncx.path, tocKind: 'ncx' as const } : {}),
  };
}

const stripTags = (html: string): string => tidyParagraph(decodeEntities(html.replace(/<[^>]*>/g, ' ')));

/** Each chapter path's title in the table of contents, the first entry pointing into it winning. */
export function tableOfContents(toc: string, tocPath: string, kind: 'nav' | 'ncx'): Map<string, string> {
  const titles = new Map<string, string>();
  const add = (href: string, label: string): void => {
    const path = resolvePath(tocPath, href);
    if (path && label && !titles.has(path)) titles.set(path, label);
  };
  if (kind === 'nav') {
    for (const [, attributes = '', label = ''] of toc.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
      const href = /href\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes);
      if (href) add(decodeEntities(href[1] ?? href[2] ?? ''), stripTags(label));
    }
  } else {
    for (const [point = ''] of toc.matchAll(/<navPoint\b[\s\S]*?(?=<navPoint\b|<\/navMap>)/g)) {
      const label = /<text>([\s\S]*?)<\/text>/.exec(point)?.[1] ?? '';
      const src = tagsNamed(point, 'content')[0]?.src;
      if (src) add(src, stripTags(label));
    }
  }
  return titles;
}
