// The static security check, fed bad and good snippets: each rule fires on what it is for, names the line, and
// stays quiet on the safe forms this project uses (and on the words in comments).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
}
interface SecurityCheck {
  scanSource(path: string, text: string): Finding[];
  listFiles(roots: string[], base?: string): string[];
  RULES: Record<string, string>;
}

// A plain .mjs script with no type declarations: import it by URL, with the signatures the test uses.
const script = new URL('./security-check.mjs', import.meta.url).href;
let check: SecurityCheck;

beforeAll(async () => {
  check = (await import(script)) as SecurityCheck;
});

const rulesIn = (path: string, text: string): string[] => check.scanSource(path, text).map((f) => f.rule);

describe('security-check: each rule fires on a bad snippet', () => {
  it.each<[rule: string, path: string, snippet: string]>([
    ['sandbox-disabled', 'src/main/window.ts', `new BrowserWindow({ webPreferences: { sandbox: false } });`],
    ['sandbox-disabled', 'src/main/window.ts', `prefs.sandbox = false;`],
    ['sandbox-disabled', 'src/main/index.ts', `app.commandLine.appendSwitch('no-sandbox');`],
    ['node-integration', 'src/main/window.ts', `const webPreferences = { nodeIntegration: true };`],
    ['node-integration', 'src/main/window.ts', `const webPreferences = { 'nodeIntegrationInWorker': true };`],
    ['node-integration', 'src/main/window.ts', `const webPreferences = { nodeIntegrationInSubFrames: true };`],
    ['context-isolation-disabled', 'src/main/window.ts', `new BrowserWindow({ webPreferences: { contextIsolation: false } });`],
    ['web-security-disabled', 'src/main/window.ts', `const p = { webSecurity: false };`],
    ['insecure-content', 'src/main/window.ts', `const p = { allowRunningInsecureContent: true };`],
    ['webview-tag', 'src/main/window.ts', `const p = { webviewTag: true };`],
    ['raw-ipc-renderer', 'src/preload/index.ts', `import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);`],
    ['raw-ipc-renderer', 'src/preload/index.ts', `import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('api', { ipcRenderer });`],
    ['raw-ipc-renderer', 'src/preload/index.ts', `const electron = require('electron');\nelectron.contextBridge.exposeInMainWorld('api', { ipc: electron.ipcRenderer });`],
    ['raw-ipc-renderer', 'src/preload/index.ts', `const api = ipcRenderer;\ncontextBridge.exposeInMainWorld('api', api);`],
    [
      'raw-ipc-renderer',
      'src/preload/index.ts',
      `contextBridge.exposeInMainWorld('api', { invoke: (channel: string, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args) });`,
    ],
    ['raw-ipc-renderer', 'src/preload/index.ts', `contextBridge.exposeInMainWorld('api', { send: (...args: unknown[]) => ipcRenderer.send(...(args as [string])) });`],
    ['raw-ipc-renderer', 'src/preload/index.ts', `contextBridge.exposeInMainWorld('api', { on(name: string, fn: () => void) { ipcRenderer.on(\`app:\${name}\`, fn); } });`],
    ['raw-ipc-renderer', 'src/preload/index.ts', `contextBridge.exposeInMainWorld('api', { call: (m: string, c: string) => ipcRenderer[m](c) });`],
    ['open-external-unchecked', 'src/main/window.ts', `contents.setWindowOpenHandler(({ url }) => { shell.openExternal(url); return { action: 'deny' }; });`],
    ['open-external-unchecked', 'src/main/menu.ts', `void shell.openExternal('http://example.com');`],
    ['open-external-unchecked', 'src/main/menu.ts', `if (url.startsWith('https:')) void shell.openExternal(url);`],
    ['svelte-html', 'src/renderer/screens/Reader.svelte', `<script lang="ts">\n  let { gloss } = $props();\n</script>\n\n<p>{@html gloss}</p>\n`],
    ['eval', 'src/renderer/lib/x.ts', `const value = eval(text);`],
    ['eval', 'src/renderer/lib/x.ts', `const value = window.eval(text);`],
    ['eval', 'src/renderer/lib/x.ts', `const make = new Function('a', 'return a');`],
    ['eval', 'src/renderer/lib/x.ts', `const make = Function('return this')();`],
    ['eval', 'src/renderer/lib/x.ts', `setTimeout('tick()', 10);`],
    ['eval', 'src/renderer/screens/X.svelte', `<script lang="ts">\n  const run = (s: string) => eval(s);\n</script>\n`],
    ['eval', 'src/renderer/screens/X.svelte', `<button onclick={() => eval(code)}>run</button>\n`],
    ['csp-unsafe', 'src/shared/csp.ts', `export const CSP = ["default-src 'none'", "script-src 'self' 'unsafe-inline'"].join('; ');`],
    ['csp-unsafe', 'src/shared/csp.ts', "export const CSP = `script-src 'self' 'unsafe-eval'; style-src ${style}`;"],
    ['csp-unsafe', 'src/renderer/index.html', `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'" />`],
  ])('%s in %s: %s', (rule, path, snippet) => {
    expect(rulesIn(path, snippet)).toContain(rule);
  });

  it('names the file and the line', () => {
    const text = ['// a window', 'import { BrowserWindow } from "electron";', '', 'new BrowserWindow({', '  webPreferences: {', '    sandbox: false,', '  },', '});'].join('\n');
    expect(check.scanSource('src/main/window.ts', text)).toEqual([
      { rule: 'sandbox-disabled', file: 'src/main/window.ts', line: 6, message: expect.stringContaining('sandbox: false') },
    ]);
    const svelte = '<script lang="ts">\n  const x = 1;\n</script>\n\n<div>\n  {@html x}\n</div>\n';
    expect(check.scanSource('src/renderer/A.svelte', svelte)).toMatchObject([{ rule: 'svelte-html', line: 6 }]);
    const scriptLine = '<div></div>\n<script lang="ts">\n  const a = 1;\n  const b = eval("a");\n</script>\n';
    expect(check.scanSource('src/renderer/B.svelte', scriptLine)).toMatchObject([{ rule: 'eval', line: 4 }]);
  });

  it('finds every finding of a file, not only the first', () => {
    const text = `const p = { sandbox: false, contextIsolation: false, nodeIntegration: true, webSecurity: false, allowRunningInsecureContent: true };`;
    expect(rulesIn('src/main/window.ts', text).sort()).toEqual(['context-isolation-disabled', 'insecure-content', 'node-integration', 'sandbox-disabled', 'web-security-disabled']);
  });
});

describe('security-check: safe forms are not findings', () => {
  it.each<[label: string, path: string, snippet: string]>([
    ['the secure webPreferences', 'src/main/security.ts', `export const p = { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false };`],
    ['the words in comments', 'src/main/window.ts', `// never sandbox: false, nodeIntegration: true, eval(x), new Function(), 'unsafe-inline', {@html x}, ipcRenderer\nexport {};`],
    ['a property named like a flag in a type', 'src/main/security.ts', `export interface P { sandbox: true; contextIsolation: true; nodeIntegration: false }`],
    ['retrieval( and medieval(', 'src/core/x.ts', `retrieval(a); medieval(b); evaluate(c);`],
    ['a string timer-free setTimeout', 'src/renderer/x.ts', `setTimeout(() => tick(), 10);`],
    [
      "this project's preload (a function per call, channel fixed by the preload)",
      'src/preload/index.ts',
      `import { contextBridge, ipcRenderer } from 'electron';\nimport { CALL_NAMES } from '../shared/contract/call-names';\nconst bridge = Object.freeze(Object.fromEntries(CALL_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(name, input)])));\ncontextBridge.exposeInMainWorld('liseuse', bridge);`,
    ],
    ['a fixed channel', 'src/preload/index.ts', `contextBridge.exposeInMainWorld('api', { ping: (n: number) => ipcRenderer.invoke('app:ping', n) });`],
    ['openExternal behind an allow-list (early return)', 'src/main/links.ts', `export function open(url: string) {\n  if (!isAllowedUrl(url)) return;\n  void shell.openExternal(url);\n}`],
    ['openExternal behind an allow-list (if)', 'src/main/links.ts', `if (ALLOWED_HOSTS.has(new URL(url).host)) void shell.openExternal(url);`],
    ['openExternal behind an allow-list (&&)', 'src/main/links.ts', `isTrustedLink(url) && shell.openExternal(url);`],
    ['openExternal of a fixed https address', 'src/main/menu.ts', `void shell.openExternal('https://liseuse.example/help');`],
    ['the real CSP', 'src/shared/csp.ts', `export const CSP = ["default-src 'none'", "script-src 'self'", "style-src 'self'"].join('; ');`],
    ['text in a Svelte component', 'src/renderer/A.svelte', `<script lang="ts">\n  let { text } = $props();\n</script>\n\n<!-- {@html text} would be wrong -->\n<p>{text}</p>\n`],
    ['a justified exception', 'src/main/window.ts', `// security-check-allow: sandbox-disabled -- test fixture window that loads no remote content\nconst p = { sandbox: false };`],
  ])('%s', (_label, path, snippet) => {
    expect(check.scanSource(path, snippet)).toEqual([]);
  });

  it('an exception needs the rule and a reason', () => {
    expect(rulesIn('src/main/window.ts', `// security-check-allow: sandbox-disabled\nconst p = { sandbox: false };`)).toEqual(['sandbox-disabled']);
    expect(rulesIn('src/main/window.ts', `// security-check-allow: node-integration -- some reason here\nconst p = { sandbox: false };`)).toEqual(['sandbox-disabled']);
  });
});

describe('security-check: the repository', () => {
  it('the source tree of this project has no findings', () => {
    const root = resolve(import.meta.dirname, '..');
    const files = check.listFiles(['src'], root);
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain('src/preload/index.ts');
    const findings = files.flatMap((path) => check.scanSource(path, readFileSync(resolve(root, path), 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line}: [${f.rule}] ${f.message}`)).toEqual([]);
  });

  it('every rule has a description', () => {
    expect(Object.keys(check.RULES).sort()).toEqual(
      [
        'context-isolation-disabled',
        'csp-unsafe',
        'eval',
        'insecure-content',
        'node-integration',
        'open-external-unchecked',
        'raw-ipc-renderer',
        'sandbox-disabled',
        'svelte-html',
        'web-security-disabled',
        'webview-tag',
      ].sort(),
    );
  });
});
