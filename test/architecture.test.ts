/**
 * The layers of src/ (STYLE.md "Shape of the code"), read from the import lines themselves: the mock never
 * depends on its clients, the contract layer never loads the express server, the domain stays pure.
 * Test files (*.test.ts) are left out: a test is an edge that may assemble any layers it checks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

/** One import line: the importing file and what it names, resolved to a `src/...` path when relative. */
interface Edge {
  from: string;
  specifier: string;
  /** `src/x/y.ts` for a relative import, the bare specifier (`express`, `node:http`) otherwise. */
  to: string;
}

/** `import ... from`, `export ... from`, `import '...'` and `import('...')`, static or dynamic. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `./x.js` from src/a/b.ts is src/a/x.ts (the sources import their compiled names). */
function resolveTo(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = resolve(dirname(file), specifier);
  const ts = target.replace(/\.js$/, '.ts');
  const path = existsSync(ts) ? ts : existsSync(join(target, 'index.ts')) ? join(target, 'index.ts') : target;
  return relative(ROOT, path).split('\\').join('/');
}

/** Every import edge of src/, comments stripped so a doc line naming a module does not count. */
function importGraph(src = SRC): Edge[] {
  return sourceFiles(src).flatMap((file) => {
    const text = readFileSync(file, 'utf8').replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
    const from = relative(ROOT, file).split('\\').join('/');
    return [...text.matchAll(IMPORT)].map((m) => ({ from, specifier: m[1]!, to: resolveTo(file, m[1]!) }));
  });
}

const under = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);
const isExpress = (to: string): boolean => to === 'express' || to.startsWith('express/');
const show = (e: Edge): string => `${e.from} imports '${e.specifier}'`;

/** A layering rule: which importing files it is about, and which of their imports break it. */
interface LayerRule {
  name: string;
  applies: (from: string) => boolean;
  forbids: (to: string) => boolean;
}

/** The rules, each one sentence of the layering. */
const RULES: LayerRule[] = [
  {
    name: 'src/mock never imports its clients (src/contracts, src/properties) nor the edges that wire them (src/cli, src/importer)',
    applies: (from) => under(from, 'src/mock'),
    forbids: (to) => ['src/contracts', 'src/properties', 'src/cli', 'src/importer'].some((f) => under(to, f)),
  },
  {
    name: 'src/contracts never imports express, src/mock/http or src/mock/server.ts (an in-process core is injected)',
    applies: (from) => under(from, 'src/contracts'),
    forbids: (to) => isExpress(to) || under(to, 'src/mock/http') || to === 'src/mock/server.ts',
  },
  {
    name: 'src/properties never imports express, src/mock/http or src/mock/server.ts (it builds its core without the server)',
    applies: (from) => under(from, 'src/properties'),
    forbids: (to) => isExpress(to) || under(to, 'src/mock/http') || to === 'src/mock/server.ts',
  },
  {
    name: 'src/mock/domain is pure: no node: module, no package (express or any), nothing outside src/mock/domain and src/api',
    applies: (from) => under(from, 'src/mock/domain'),
    forbids: (to) => !under(to, 'src/mock/domain') && !under(to, 'src/api'),
  },
];

/** The imports that break `rule`, as `file imports 'specifier'` lines. */
function violations(rule: LayerRule, graph: Edge[]): string[] {
  return graph.filter((e) => rule.applies(e.from) && rule.forbids(e.to)).map(show);
}

describe('architecture: the import graph of src/ keeps the layers apart', () => {
  const graph = importGraph();

  it('reads the import lines (sanity: the graph is not empty and resolves relative paths)', () => {
    expect(graph.length).toBeGreaterThan(100);
    expect(graph).toContainEqual(expect.objectContaining({ from: 'src/mock/server.ts', to: 'src/mock/http/index.ts' }));
  });

  it.each(RULES.map((r) => [r.name, r] as const))('%s', (_name, rule) => {
    expect(violations(rule, graph)).toEqual([]);
  });

  it('no file under src/contracts or src/properties loads express, even through other modules', () => {
    const next = new Map<string, string[]>();
    for (const e of graph) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const client = (path: string): boolean => under(path, 'src/contracts') || under(path, 'src/properties');
    const offending = new Set<string>();
    for (const start of next.keys()) {
      if (!client(start)) continue;
      // Breadth-first, remembering how each module was reached, so the message names the chain.
      const via = new Map<string, string>([[start, '']]);
      const queue = [start];
      while (queue.length) {
        const at = queue.shift()!;
        for (const to of next.get(at) ?? []) {
          if (via.has(to)) continue;
          via.set(to, at);
          if (isExpress(to)) {
            const chain = [to];
            for (let p = at; p; p = via.get(p)!) chain.unshift(p);
            // From the last client module on: the import that lets express in, once however many files reach it.
            const exit = chain.length - 1 - [...chain].reverse().findIndex(client);
            offending.add(chain.slice(exit).join(' -> '));
          } else queue.push(to);
        }
      }
    }
    expect([...offending]).toEqual([]);
  });
});
