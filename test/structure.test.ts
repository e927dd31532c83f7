// The shape of src/ that keeps it readable: no import cycles, and no file so long that it needs a reason it
// does not give.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const LONGEST = 400;
const SOURCE = /\.(ts|svelte)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

// Type-only imports count too: two modules that need each other's types are still one room split in two.
const IMPORT = /^\s*(?:import|export)\s+(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function resolveImport(from: string, spec: string, known: Set<string>): string | undefined {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.svelte`, `${base}.svelte.ts`, join(base, 'index.ts')];
  return candidates.find((candidate) => known.has(candidate));
}

function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC)].map((match) => match[1] as string);
    graph.set(file, [...new Set(specs.map((spec) => resolveImport(file, spec, known)).filter((f): f is string => f !== undefined))]);
  }
  return graph;
}

/** Tarjan's strongly connected components; every component of more than one file is a cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** A long file says why in its opening comment, in a sentence that starts "Long because". */
function explainsLength(text: string): boolean {
  const opening = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->|<script[^>]*>\s*))+/.exec(text)?.[0] ?? '';
  return /long because/i.test(opening);
}

describe('the shape of src/', () => {
  const files = filesUnder(SRC);

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('has no import cycle', () => {
    const found = cycles(importGraph(files)).map((component) => component.map((file) => relative(ROOT, file)).sort());
    expect(found).toEqual([]);
  });

  it(`has no file over ${LONGEST} lines that does not say why it is long`, () => {
    const unexplained = files
      .map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }))
      .filter(({ text }) => text.split('\n').length > LONGEST && !explainsLength(text))
      .map(({ file, text }) => `${file} (${text.split('\n').length} lines)`);
    expect(unexplained).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('sees a cycle of two modules and none in a chain', () => {
    const a = '/x/a.ts';
    const b = '/x/b.ts';
    const c = '/x/c.ts';
    expect(cycles(new Map([[a, [b]], [b, [a]], [c, [a]]]))).toHaveLength(1);
    expect(cycles(new Map([[a, [b]], [b, [c]], [c, []]]))).toEqual([]);
  });

  it('reads static, type-only, re-exported and dynamic imports', () => {
    const text = "import { x } from './a';\nimport type { Y } from './b';\nexport * from './c';\nconst m = import('./d');";
    const specs = [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC)].map((match) => match[1]);
    expect(specs).toEqual(['./a', './b', './c', './d']);
  });

  it('accepts a long file only when its opening comment says why', () => {
    expect(explainsLength('// The fuzz of every call. Long because one generator per call lives here.\nconst a = 1;')).toBe(true);
    expect(explainsLength('// The fuzz of every call.\nconst a = 1; // long because')).toBe(false);
  });
});
