import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static-path';

const ROOT = resolve('/srv/liseuse/renderer');

describe('resolveStaticPath', () => {
  it.each<[string, string]>([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/app.js', join('assets', 'app.js')],
    ['/assets/index-4f3a.css', join('assets', 'index-4f3a.css')],
    ['/assets/./app.js', join('assets', 'app.js')],
    ['/assets//app.js', join('assets', 'app.js')],
    ['/fonts/Atkinson%20Hyperlegible.woff2', join('fonts', 'Atkinson Hyperlegible.woff2')],
    ['/caf%C3%A9.png', 'café.png'],
  ])('maps %j inside the root', (pathname, relative) => {
    expect(resolveStaticPath(ROOT, pathname)).toBe(join(ROOT, relative));
  });

  it('works with a root that ends with a separator', () => {
    expect(resolveStaticPath(ROOT + sep, '/index.html')).toBe(join(ROOT, 'index.html'));
  });

  it.each([
    '/..',
    '/../package.json',
    '/../../../../etc/passwd',
    '/assets/../../secret',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/secret',
    '/..%2f..%2fetc/passwd',
    '/..%2F..%2Fetc%2Fpasswd',
    '/assets/..%5c..%5cx',
    '/..\\..\\x',
    '/assets/%2e%2e%5c%2e%2e%5csecret',
    '/index.html%00',
    '/index.html\u0000.png',
    '/%00',
    '/%E0%A4%A',
    '/%',
    '/.',
  ])('refuses %j', (pathname) => {
    expect(resolveStaticPath(ROOT, pathname)).toBeUndefined();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const pieces = ['..', '.', '%2e%2e', '%2e', '%2f', '%5c', '/', '\\', 'a', 'index.html', '%00', '~', '....'];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const result = resolveStaticPath(ROOT, `/${a}/${b}${c}`);
          if (result !== undefined) expect(result.startsWith(ROOT + sep)).toBe(true);
        }
      }
    }
  });

  it('a sibling folder whose name starts like the root is outside it', () => {
    // "/srv/liseuse/renderer-old/x" starts with the root's characters but is not inside it.
    expect(resolveStaticPath(ROOT, '/../renderer-old/x')).toBeUndefined();
  });
});
