// Maps a request path to a file inside the built renderer, or to nothing: the one traversal guard that the
// browser-mode server and Electron's app:// protocol both use.
import { join, normalize, sep } from 'node:path';

export function resolveStaticPath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : normalize(decoded).replace(/^[\\/]+/, '');
  const file = join(root, relative);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}
