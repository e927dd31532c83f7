import { describe, expect, it } from 'vitest';
import { APP_ENTRY, APP_ORIGIN, isTrustedSenderUrl, secureWebPreferences } from './security';

describe('isTrustedSenderUrl', () => {
  it.each([
    'app://liseuse/index.html',
    'app://liseuse/',
    'app://liseuse',
    'app://liseuse/index.html#/reader/kim-russie',
    'app://liseuse/index.html?learner=1',
    'APP://liseuse/index.html',
  ])('trusts our own page %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(true);
  });

  it('trusts the entry the window loads', () => {
    expect(APP_ENTRY).toBe('app://liseuse/index.html');
    expect(APP_ORIGIN).toBe('app://liseuse');
    expect(isTrustedSenderUrl(APP_ENTRY)).toBe(true);
  });

  it.each<[string, string | null | undefined]>([
    ['a longer host', 'app://liseuse.evil/index.html'],
    ['a host suffix', 'app://liseuse-evil/index.html'],
    ['a host prefix', 'app://evil-liseuse/index.html'],
    ['our name as a path', 'app://evil/liseuse'],
    ['our name as user info', 'app://liseuse@evil/index.html'],
    ['user info before our host', 'app://user@liseuse/index.html'],
    ['a password before our host', 'app://user:pw@liseuse/index.html'],
    ['an explicit port', 'app://liseuse:8080/index.html'],
    ['http with our host', 'http://liseuse/index.html'],
    ['https with our host', 'https://liseuse/index.html'],
    ['file://', 'file:///home/user/liseuse/index.html'],
    ['file:// with our host', 'file://liseuse/index.html'],
    ['another scheme', 'apps://liseuse/index.html'],
    ['no authority', 'app:liseuse/index.html'],
    ['an empty host', 'app:///index.html'],
    ['an encoded dot in the host', 'app://liseuse%2eevil/index.html'],
    ['about:blank', 'about:blank'],
    ['data: URL', 'data:text/html,<script>1</script>'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['the empty string', ''],
    ['null', null],
    ['undefined', undefined],
    ['garbage', 'not a url at all'],
    ['a bare host', 'liseuse'],
    ['spaces', '   '],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });
});

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs', { packaged: true });

  it('sandboxes the renderer and isolates its context', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.webSecurity).toBe(true);
  });

  it('gives the page no Node, in any frame or worker', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('turns off webviews, insecure content and navigation by drag-and-drop', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('gives a learner no DevTools in a packaged build; a developer keeps them', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/app/out/preload/index.cjs', { packaged: false }).devTools).toBe(true);
  });
});
