#!/usr/bin/env node
// Static security check of the source: fails (exit 1, naming file:line) on the Electron and web settings that
// open the app up: a disabled sandbox or isolation, Node in the page, web security off, insecure content, a raw
// ipcRenderer or a channel chosen by the page, shell.openExternal without an allow-list, {@html}, eval and
// new Function, and 'unsafe-inline' / 'unsafe-eval' in a CSP. TypeScript and JavaScript are read as syntax trees
// (a word in a comment is not a finding); .svelte files are split into their script blocks and their markup.
//
// A line that must do one of these things says so on the line itself or the one above, with a reason:
//   // security-check-allow: <rule> -- <why it is safe>
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RULES = {
  'sandbox-disabled': 'the renderer sandbox is turned off',
  'node-integration': 'Node.js is enabled in web content',
  'context-isolation-disabled': 'context isolation is turned off',
  'web-security-disabled': 'web security (same-origin policy) is turned off',
  'insecure-content': 'insecure (http) content is allowed in a secure page',
  'webview-tag': 'the <webview> tag is enabled',
  'raw-ipc-renderer': 'ipcRenderer reaches the page raw, or the page chooses the IPC channel',
  'open-external-unchecked': 'shell.openExternal is called without an allow-list check',
  'svelte-html': '{@html} renders a string as HTML',
  eval: 'code is built from a string at run time (eval, new Function, a string timer)',
  'csp-unsafe': "a Content-Security-Policy allows 'unsafe-inline' or 'unsafe-eval'",
};

const SCANNED = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx', '.svelte', '.html']);
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist', '.git', '.cache', 'test-results', 'playwright-report']);

/** Boolean webPreferences whose one dangerous value is a finding. */
const DANGEROUS_FLAGS = {
  sandbox: { value: false, rule: 'sandbox-disabled' },
  nodeIntegration: { value: true, rule: 'node-integration' },
  nodeIntegrationInWorker: { value: true, rule: 'node-integration' },
  nodeIntegrationInSubFrames: { value: true, rule: 'node-integration' },
  contextIsolation: { value: false, rule: 'context-isolation-disabled' },
  webSecurity: { value: false, rule: 'web-security-disabled' },
  allowRunningInsecureContent: { value: true, rule: 'insecure-content' },
  webviewTag: { value: true, rule: 'webview-tag' },
};

const IPC_METHODS = new Set(['invoke', 'send', 'sendSync', 'sendToHost', 'postMessage', 'on', 'once', 'addListener', 'removeListener', 'removeAllListeners', 'off']);
/** A condition that looks like an allow-list check: isAllowed(url), TRUSTED_HOSTS.has(host), isSafeUrl(u)… */
const ALLOW_CHECK = /\b\w*(?:allow|trusted|safe|permitted|whitelist)\w*\b/i;
const CSP_UNSAFE = /'unsafe-(?:inline|eval)'/;
const SUPPRESS = /security-check-allow:\s*([\w-]+)\s*--\s*(\S.{5,})/;

/**
 * Scans one file's text. `path` picks the parser (by extension) and names the file in the findings.
 * @param {string} path
 * @param {string} text
 * @returns {{ rule: string, file: string, line: number, message: string }[]}
 */
export function scanSource(path, text) {
  const ext = extname(path).toLowerCase();
  /** @type {{ rule: string, file: string, line: number, message: string }[]} */
  const findings = [];
  const add = (rule, line, detail) => findings.push({ rule, file: path, line, message: `${RULES[rule]}${detail ? `: ${detail}` : ''}` });

  if (ext === '.svelte') {
    const blocks = [];
    const markup = text.replace(/<script\b[^>]*>([\s\S]*?)<\/script>/gi, (whole, body, offset) => {
      const line = lineAt(text, offset + whole.indexOf(body));
      blocks.push({ body, line });
      return whole.replace(/[^\n]/g, ' ');
    });
    for (const block of blocks) scanScript(block.body, '.ts', (rule, line, detail) => add(rule, block.line + line - 1, detail));
    scanMarkup(markup, add);
  } else if (ext === '.html') {
    scanMarkup(text, add);
  } else {
    scanScript(text, ext, add);
  }
  return suppressed(findings, text);
}

/** Scans several files: [{ path, text }]. */
export function scanFiles(files) {
  return files.flatMap((file) => scanSource(file.path, file.text));
}

function lineAt(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function suppressed(findings, text) {
  const lines = text.split('\n');
  return findings.filter((finding) => {
    for (const line of [lines[finding.line - 1], lines[finding.line - 2]]) {
      const match = line && SUPPRESS.exec(line);
      if (match && match[1] === finding.rule) return false;
    }
    return true;
  });
}

function scanMarkup(markup, add) {
  // HTML comments are not code; blank them out but keep the line numbers.
  const text = markup.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const each = (pattern, visit) => {
    for (const match of text.matchAll(pattern)) visit(match, lineAt(text, match.index ?? 0));
  };
  each(/\{@html\b/g, (_m, line) => add('svelte-html', line));
  each(/\beval\s*\(|\bnew\s+Function\s*\(/g, (m, line) => add('eval', line, m[0].replace(/\s+/g, ' ')));
  each(/'unsafe-(?:inline|eval)'/g, (m, line) => add('csp-unsafe', line, m[0]));
  each(/<webview\b[^>]*\b(nodeintegration|disablewebsecurity|allowpopups)\b/gi, (m, line) =>
    add(m[1].toLowerCase() === 'nodeintegration' ? 'node-integration' : m[1].toLowerCase() === 'disablewebsecurity' ? 'web-security-disabled' : 'webview-tag', line, `<webview ${m[1]}>`),
  );
}

function scanScript(text, ext, add) {
  const kind = ext === '.tsx' || ext === '.jsx' ? ts.ScriptKind.TSX : ext === '.js' || ext === '.mjs' || ext === '.cjs' ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(`file${ext || '.ts'}`, text, ts.ScriptTarget.Latest, true, kind);
  const lineOf = (node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const nameOf = (name) => (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined);

  const visit = (node) => {
    // webPreferences flags, as a property ({ sandbox: false }) or an assignment (prefs.sandbox = false)
    if (ts.isPropertyAssignment(node)) checkFlag(nameOf(node.name), node.initializer, node);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = node.left;
      const key = ts.isPropertyAccessExpression(target) ? target.name.text : ts.isElementAccessExpression(target) && ts.isStringLiteral(target.argumentExpression) ? target.argumentExpression.text : undefined;
      checkFlag(key, node.right, node);
    }

    if (ts.isCallExpression(node)) checkCall(node);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') add('eval', lineOf(node), 'new Function(...)');

    if (ts.isIdentifier(node) && node.text === 'ipcRenderer') checkIpcRendererUse(node);
    if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'ipcRenderer') {
      add('raw-ipc-renderer', lineOf(node), 'ipcRenderer[...] picks its method at run time');
    }

    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const match = CSP_UNSAFE.exec(node.text);
      if (match) add('csp-unsafe', lineOf(node), match[0]);
    }
    ts.forEachChild(node, visit);
  };

  function checkFlag(key, value, node) {
    const flag = key && Object.hasOwn(DANGEROUS_FLAGS, key) ? DANGEROUS_FLAGS[key] : undefined;
    if (!flag) return;
    const literal = value.kind === ts.SyntaxKind.TrueKeyword ? true : value.kind === ts.SyntaxKind.FalseKeyword ? false : undefined;
    if (literal === flag.value) add(flag.rule, lineOf(node), `${key}: ${literal}`);
  }

  function checkCall(call) {
    const callee = call.expression;
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    const first = call.arguments[0];
    if (method === 'eval') add('eval', lineOf(call), 'eval(...)');
    if (ts.isIdentifier(callee) && callee.text === 'Function') add('eval', lineOf(call), 'Function(...)');
    if ((method === 'setTimeout' || method === 'setInterval') && first && ts.isStringLiteralLike(first)) add('eval', lineOf(call), `${method} with a string`);
    if (method === 'appendSwitch' && first && ts.isStringLiteralLike(first) && /^(?:--)?no-sandbox$/.test(first.text)) add('sandbox-disabled', lineOf(call), `appendSwitch('${first.text}')`);

    if (method === 'openExternal' && !(first && ts.isStringLiteralLike(first) && /^(?:https|mailto):/.test(first.text)) && !isGuarded(call)) {
      add('open-external-unchecked', lineOf(call), 'check the URL against an allow-list first (if (!isAllowed(url)) return)');
    }

    // ipcRenderer.invoke(channel, …) where the channel comes from the caller: a function that takes a channel name.
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'ipcRenderer' && IPC_METHODS.has(method)) {
      const params = enclosingParameters(call);
      if (first && (ts.isSpreadElement(first) || referencesAny(first, params))) {
        add('raw-ipc-renderer', lineOf(call), `ipcRenderer.${method} with a channel taken from its caller`);
      }
    }
  }

  /** `ipcRenderer` used as a value (passed, returned, put in an object) rather than as ipcRenderer.method(…). */
  function checkIpcRendererUse(id) {
    let node = id;
    // electron.ipcRenderer is the same object as ipcRenderer.
    if (ts.isPropertyAccessExpression(id.parent) && id.parent.name === id) node = id.parent;
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return; // ipcRenderer.invoke: checked as a call
    if (ts.isElementAccessExpression(parent) && parent.expression === node) return; // reported on its own
    if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return;
    if ((ts.isVariableDeclaration(parent) || ts.isBindingElement(parent)) && (parent.name === node || parent.propertyName === node)) return;
    if (ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent)) return;
    add('raw-ipc-renderer', lineOf(id), 'ipcRenderer itself is handed on');
  }

  /** Names of the parameters of the innermost function around a node. */
  function enclosingParameters(node) {
    for (let n = node.parent; n; n = n.parent) {
      if (ts.isFunctionLike(n)) {
        const names = new Set();
        const collect = (name) => {
          if (ts.isIdentifier(name)) names.add(name.text);
          else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
        };
        for (const param of n.parameters ?? []) collect(param.name);
        return names;
      }
    }
    return new Set();
  }

  function referencesAny(expression, names) {
    if (names.size === 0) return false;
    let found = false;
    const look = (n) => {
      if (found) return;
      if (ts.isIdentifier(n) && names.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) found = true;
      else ts.forEachChild(n, look);
    };
    look(expression);
    return found;
  }

  /** Inside `if (allowCheck) …`, `allowCheck && …`, `allowCheck ? … :`, or after `if (!allowCheck) return/throw`. */
  function isGuarded(node) {
    const conditionAllows = (condition) => ALLOW_CHECK.test(condition.getText(source));
    for (let child = node, n = node.parent; n; child = n, n = n.parent) {
      if (ts.isIfStatement(n) && child === n.thenStatement && conditionAllows(n.expression)) return true;
      if (ts.isConditionalExpression(n) && child === n.whenTrue && conditionAllows(n.condition)) return true;
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === n.right && conditionAllows(n.left)) return true;
      if (ts.isBlock(n) || ts.isSourceFile(n)) {
        for (const statement of n.statements) {
          if (statement === child) break;
          if (ts.isIfStatement(statement) && conditionAllows(statement.expression) && exits(statement.thenStatement)) return true;
        }
      }
      if (ts.isFunctionLike(n)) break;
    }
    return false;
  }

  function exits(statement) {
    if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
    return ts.isBlock(statement) && statement.statements.some((s) => ts.isReturnStatement(s) || ts.isThrowStatement(s));
  }

  visit(source);
}

// ---- the command ----

export function listFiles(roots, base = process.cwd()) {
  const files = [];
  const walk = (path) => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) if (!SKIPPED_DIRS.has(entry)) walk(join(path, entry));
    } else if (SCANNED.has(extname(path).toLowerCase())) {
      files.push(relative(base, path));
    }
  };
  for (const root of roots) walk(resolve(base, root));
  return files.sort();
}

function main() {
  const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
  const args = process.argv.slice(2);
  const roots = args.length > 0 ? args : ['src', 'electron.vite.config.ts'];
  const files = listFiles(roots, root);
  const findings = scanFiles(files.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })));
  for (const f of findings) console.error(`${f.file}:${f.line}: [${f.rule}] ${f.message}`);
  if (findings.length > 0) {
    console.error(`security check: ${findings.length} finding(s) in ${files.length} files. Fix them, or mark a justified line with "// security-check-allow: <rule> -- <reason>".`);
    process.exit(1);
  }
  console.log(`security check: ${files.length} files scanned (${roots.join(', ')}), no findings.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
