import { describe, expect, it } from 'vitest';
import { packagePath, readPackage, resolvePath, tableOfContents } from './epub-package';

describe('where an EPUB’s chapters are', () => {
  it('resolves hrefs inside the archive, and refuses those that leave it', () => {
    expect(resolvePath('OEBPS/content.opf', 'text/ch%201.xhtml#p3')).toBe('OEBPS/text/ch 1.xhtml');
    expect(resolvePath('OEBPS/text/nav.xhtml', '../images/../text/a.xhtml')).toBe('OEBPS/text/a.xhtml');
    expect(resolvePath('OEBPS/content.opf', '../../etc/passwd')).toBeNull();
    expect(resolvePath('OEBPS/content.opf', '/etc/passwd')).toBeNull();
    expect(resolvePath('OEBPS/content.opf', 'https://example.com/a.xhtml')).toBeNull();
  });

  it('reads the package: title, spine in order (only XHTML), and the table of contents', () => {
    const container = '<container><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>';
    expect(packagePath(container)).toBe('OPS/book.opf');
    const opf = `<package><metadata><dc:title>Le Tour du monde &amp; autres</dc:title></metadata><manifest>
      <item id="b" href="b.xhtml" media-type="application/xhtml+xml"/><item id="a" href='a.xhtml' media-type="application/xhtml+xml"/>
      <item id="img" href="c.jpg" media-type="image/jpeg"/><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>
      <spine toc="ncx"><itemref idref="a"/><itemref idref="img"/><itemref idref="b"/><itemref idref="missing"/></spine></package>`;
    expect(readPackage(opf, 'OPS/book.opf')).toEqual({ title: 'Le Tour du monde & autres', spine: ['OPS/a.xhtml', 'OPS/b.xhtml'], tocPath: 'OPS/toc.ncx', tocKind: 'ncx' });
  });

  it('gives each chapter its title from an NCX or a nav document, the first entry winning', () => {
    const ncx = `<ncx><navMap><navPoint id="1"><navLabel><text>Chapitre premier</text></navLabel><content src="a.xhtml"/>
      <navPoint id="1b"><navLabel><text>Section</text></navLabel><content src="a.xhtml#s"/></navPoint></navPoint>
      <navPoint id="2"><navLabel><text>Chapitre II</text></navLabel><content src="b.xhtml"/></navPoint></navMap></ncx>`;
    expect(tableOfContents(ncx, 'OPS/toc.ncx', 'ncx')).toEqual(new Map([['OPS/a.xhtml', 'Chapitre premier'], ['OPS/b.xhtml', 'Chapitre II']]));
    const nav = '<nav epub:type="toc"><ol><li><a href="text/a.xhtml"><span>I.</span> L’<em>aube</em></a></li></ol></nav>';
    expect(tableOfContents(nav, 'OPS/nav.xhtml', 'nav')).toEqual(new Map([['OPS/text/a.xhtml', 'I. L’ aube']]));
  });
});
