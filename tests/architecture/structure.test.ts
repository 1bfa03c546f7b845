// Keeps two shape rules of docs/architecture.md ("Conventions"): the relative imports inside a
// package's src/ form no loop (a loop means two modules own one concern between them, and makes
// load order matter), and no hand-written source file grows past MAX_LINES unless its opening
// comment says why with a sentence starting "Long file:". Both checks are also run on small
// fixtures here, so that a broken check cannot pass silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, relative, dirname } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const packagesDir = join(root, 'packages');

export const MAX_LINES = 500;
/** Folders of generated code, which is held to its generator rather than to these rules. */
const GENERATED = [join('packages', 'protocol', 'src', 'generated')];

function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const RELATIVE_IMPORT = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]*)['"]|import\s*\(\s*['"](\.[^'"]*)['"]\s*\)|import\s+['"](\.[^'"]*)['"]/g;

/** The relative specifiers a module imports or re-exports, type-only ones included. */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(RELATIVE_IMPORT)) found.push(m[1] ?? m[2] ?? m[3]);
  return found;
}

/** Maps `./x.js` to the `./x.ts` (or `./x/index.ts`) that exists among `known`. */
function resolveSpecifier(from: string, spec: string, known: ReadonlySet<string>): string | undefined {
  const base = resolve(dirname(from), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base, `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => known.has(c));
}

/** The import graph of a set of modules, given as file path → source text. */
export function importGraph(sources: ReadonlyMap<string, string>): Map<string, string[]> {
  const known = new Set(sources.keys());
  const graph = new Map<string, string[]>();
  for (const [file, text] of sources) {
    const targets = relativeImports(text)
      .map((spec) => resolveSpecifier(file, spec, known))
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The import loops of a graph: its strongly connected components with more than one module, or
 * one module importing itself (Tarjan's algorithm, iterative so deep graphs cannot overflow).
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter); low.set(start, counter); counter++;
    stack.push(start); onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++];
        if (!index.has(to)) {
          index.set(to, counter); low.set(to, counter); counter++;
          stack.push(to); onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && edges.includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** True when the file's opening comment (before its first statement) says why it is long. */
export function explainsLength(source: string): boolean {
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (!/^(\/\/|\/\*|\*)/.test(trimmed)) return false;
    if (/^(\/\/|\/\*\*?|\*)\s*Long file:/.test(trimmed)) return true;
  }
  return false;
}

/** Problems with a file's length, as a message, or undefined when it keeps the rule. */
export function lengthProblem(where: string, source: string): string | undefined {
  const lines = source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
  if (lines <= MAX_LINES || explainsLength(source)) return undefined;
  return `${where} has ${lines} lines (over ${MAX_LINES}); split it by concern, or start its opening comment with "Long file: <why>"`;
}

const packages = readdirSync(packagesDir).filter((p) => statSync(join(packagesDir, p)).isDirectory());

function handWritten(pkg: string): Map<string, string> {
  const files = sourceFiles(join(packagesDir, pkg, 'src'))
    .filter((f) => !GENERATED.some((g) => relative(root, f).startsWith(g)));
  return new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
}

for (const pkg of packages) {
  test(`packages/${pkg}/src has no import loops`, () => {
    const cycles = importCycles(importGraph(handWritten(pkg)));
    const described = cycles.map((c) => `loop among: ${c.map((f) => relative(root, f)).join(', ')}`);
    assert.deepEqual(described, []);
  });

  test(`packages/${pkg}/src has no hand-written file over ${MAX_LINES} lines without a reason`, () => {
    const problems: string[] = [];
    for (const [file, text] of handWritten(pkg)) {
      const problem = lengthProblem(relative(root, file), text);
      if (problem) problems.push(problem);
    }
    assert.deepEqual(problems, []);
  });
}

test('the loop check finds loops and names their files, and passes a tree', () => {
  const fixture = (files: Record<string, string>) =>
    new Map(Object.entries(files).map(([name, text]) => [join('/pkg/src', name), text]));
  const looped = fixture({
    'a.ts': "import { b } from './b.ts';",
    'b.ts': "import type { C } from './sub/c.ts';",
    'sub/c.ts': "export { a } from '../a.ts';",
    'd.ts': "import { a } from './a.ts';",
    'e.ts': "const self = await import('./e.ts');",
  });
  assert.deepEqual(importCycles(importGraph(looped)), [
    ['/pkg/src/a.ts', '/pkg/src/b.ts', '/pkg/src/sub/c.ts'],
    ['/pkg/src/e.ts'],
  ]);
  const tree = fixture({
    'a.ts': "import { b } from './b.ts';\nimport { c } from './sub/index.ts';",
    'b.ts': "import { c } from './sub/c.ts';",
    'sub/c.ts': "import { x } from '@sluice/protocol';",
    'sub/index.ts': "export * from './c.ts';",
  });
  assert.deepEqual(importCycles(importGraph(tree)), []);
});

test('the length check counts lines and accepts only a stated reason at the top', () => {
  const body = 'export const x = 1;\n'.repeat(MAX_LINES);
  assert.equal(lengthProblem('short.ts', body), undefined);
  assert.match(lengthProblem('long.ts', body + 'export const y = 2;\n') ?? '', /long\.ts has 501 lines/);
  assert.equal(lengthProblem('why.ts', '// Long file: one state machine, read top to bottom.\n' + body + 'x;\n'), undefined);
  assert.equal(lengthProblem('doc.ts', '/**\n * Long file: the table of every setting.\n */\n' + body), undefined);
  // A reason given below the first statement is not an opening comment.
  assert.ok(lengthProblem('late.ts', 'import x from "y";\n// Long file: too late.\n' + body));
  // A header comment that does not give a reason does not count.
  assert.ok(lengthProblem('vague.ts', '// Handles things.\n' + body));
});
