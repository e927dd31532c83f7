// The article's text in an HTML page or an EPUB chapter (XHTML): a small tolerant parser builds a tree (unclosed
// and stray tags are forgiven, as browsers do), the article is found (<article>, else <main>, else <body>), the
// page's furniture (navigation, header, footer, asides, scripts, forms) is dropped, and every block (paragraph,
// heading, list item, cell, line break) becomes one paragraph.
import { decodeEntities } from './html-entities';
import { keepParagraphs, tidyParagraph } from './paragraphs';

interface Element {
  name: string;
  children: (Element | string)[];
}

export interface HtmlText {
  paragraphs: string[];
  /** The first <h1> of the article, else the page's <title>. */
  title?: string;
  /** The first heading of any level in the article: an EPUB chapter's title when its table of contents has none. */
  firstHeading?: string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Their content is not markup: skipped to their end tag whole. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const DROPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select',
  'textarea', 'svg', 'math', 'iframe', 'object', 'figure', 'menu', 'dialog',
]);
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'td', 'th', 'tr', 'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Where the tag opened at `from` ends: its '>', past quoted attribute values that may hold one. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return html.length;
}

/** A tag's local name, lower case: `<epub:switch>` is "switch", `<H1 class=x>` is "h1". */
function tagName(raw: string): string {
  const name = /^[^\s/>]+/.exec(raw)?.[0]?.toLowerCase() ?? '';
  return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

function parse(html: string): { root: Element; title?: string } {
  const root: Element = { name: '#root', children: [] };
  const stack: Element[] = [root];
  let title: string | undefined;
  const top = (): Element => stack[stack.length - 1] as Element;
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1 || open > i) {
      top().children.push(decodeEntities(html.slice(i, open === -1 ? html.length : open)));
      if (open === -1) break;
      i = open;
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
    } else if (html.startsWith('<![CDATA[', i)) {
      const end = html.indexOf(']]>', i + 9);
      top().children.push(html.slice(i + 9, end === -1 ? html.length : end));
      i = end === -1 ? html.length : end + 3;
    } else if (html[i + 1] === '!' || html[i + 1] === '?') {
      i = tagEnd(html, i) + 1;
    } else if (html[i + 1] === '/') {
      const end = tagEnd(html, i);
      const name = tagName(html.slice(i + 2, end));
      // A stray end tag closes nothing; one that matches an open element closes it and what was left open inside.
      const at = stack.findLastIndex((element) => element.name === name);
      if (at > 0) stack.length = at;
      i = end + 1;
    } else if (/[A-Za-z]/.test(html[i + 1] ?? '')) {
      const end = tagEnd(html, i);
      const raw = html.slice(i + 1, end);
      const name = tagName(raw);
      const element: Element = { name, children: [] };
      top().children.push(element);
      i = end + 1;
      if (RAW.has(name) && !raw.endsWith('/')) {
        const closing = new RegExp(`</${name}`, 'gi');
        closing.lastIndex = i;
        const close = closing.exec(html)?.index ?? -1;
        const content = html.slice(i, close === -1 ? html.length : close);
        if (name === 'title') title ??= tidyParagraph(decodeEntities(content)) || undefined;
        i = close === -1 ? html.length : tagEnd(html, close) + 1;
      } else if (!VOID.has(name) && !raw.endsWith('/')) stack.push(element);
    } else {
      // A '<' that opens no tag is text.
      top().children.push('<');
      i++;
    }
  }
  return title === undefined ? { root } : { root, title };
}

function* elements(element: Element): Generator<Element> {
  for (const child of element.children) {
    if (typeof child === 'string' || DROPPED.has(child.name)) continue;
    yield child;
    yield* elements(child);
  }
}

function textOf(element: Element): string {
  let text = '';
  for (const child of element.children) {
    if (typeof child === 'string') text += child;
    else if (!DROPPED.has(child.name)) text += ` ${textOf(child)} `;
  }
  return text;
}

/** The article: the longest <article>, else <main>, else <body>, else the whole document. */
function articleOf(root: Element): Element {
  const all = [...elements(root)];
  const articles = all.filter((e) => e.name === 'article');
  if (articles.length > 0) return articles.reduce((a, b) => (textOf(b).length > textOf(a).length ? b : a));
  return all.find((e) => e.name === 'main') ?? all.find((e) => e.name === 'body') ?? root;
}

function endLine(into: string[], line: { text: string }): void {
  into.push(line.text);
  line.text = '';
}

function blocksOf(element: Element, into: string[], line: { text: string }): void {
  for (const child of element.children) {
    if (typeof child === 'string') {
      line.text += child;
      continue;
    }
    if (DROPPED.has(child.name)) continue;
    const block = BLOCKS.has(child.name);
    if (block) endLine(into, line);
    blocksOf(child, into, line);
    if (block) endLine(into, line);
  }
}

/** The first heading in reading order, looked for in the article's own header too (where pages put their <h1>). */
function firstHeadingIn(element: Element, names: ReadonlySet<string>): string | undefined {
  for (const child of element.children) {
    if (typeof child === 'string' || (DROPPED.has(child.name) && child.name !== 'header')) continue;
    const text = names.has(child.name) ? tidyParagraph(textOf(child)) : firstHeadingIn(child, names);
    if (text) return text;
  }
  return undefined;
}

export function htmlText(html: string): HtmlText {
  const { root, title } = parse(html);
  const article = articleOf(root);
  const blocks: string[] = [];
  const line = { text: '' };
  blocksOf(article, blocks, line);
  blocks.push(line.text);
  const paragraphs = keepParagraphs(blocks);
  const h1 = firstHeadingIn(article, new Set(['h1']));
  const firstHeading = firstHeadingIn(article, HEADINGS);
  const chosenTitle = h1 ?? title;
  return { paragraphs, ...(chosenTitle ? { title: chosenTitle } : {}), ...(firstHeading ? { firstHeading } : {}) };
}
