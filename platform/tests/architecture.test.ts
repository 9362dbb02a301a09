import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Type-only imports and exports, which the compiler erases: nothing is loaded for them. */
const TYPE_ONLY = /(?:import|export)\s+type\s[^;]*;/g;

/** Relative imports of a file, resolved to paths inside the repository (`loaded`: those run). */
function importsOf(file: string, loaded = false): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const text = loaded ? source.replace(TYPE_ONLY, '') : source;
  const specifiers = [
    ...text.matchAll(/(?:from\s+|import\s*\(|require\()\s*['"](\.[^'"]+)['"]/g),
  ].map((m) => m[1]);
  return specifiers.map((s) => path.relative(root, path.resolve(path.dirname(file), s)));
}

/** `file -> target` for each import of `files` that `forbidden` refuses, given the importing path. */
function offendingImports(
  files: string[],
  forbidden: (target: string, from: string) => boolean,
): string[] {
  return files.flatMap((file) => {
    const from = path.relative(root, file);
    return importsOf(file)
      .filter((target) => forbidden(target, from))
      .map((target) => `${from} -> ${target}`);
  });
}

/** The source files of the given top-level folders. */
const filesOf = (...tops: string[]) => tops.flatMap((top) => sourceFiles(path.join(root, top)));

const subgraphDirs = fs
  .readdirSync(path.join(root, 'subgraphs'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const TEST_CODE = /(^|\/)(tests|test-support)\/|^bench\//;

/** The folder a file belongs to: a subgraph, or a top-level folder. */
function unitOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'subgraphs' && parts.length > 2 ? `subgraphs/${parts[1]}` : parts[0];
}

/** The package a path lies in, for the two packages with a door. */
const doored = (target: string) => /^(runtime|messaging)(\/|$)/.exec(target)?.[1];

/** The source file an import target names: the module itself, or its folder's index. */
function sourceOf(target: string): string | undefined {
  return [`${target}.ts`, `${target}/index.ts`].find((file) =>
    fs.existsSync(path.join(root, file)),
  );
}

/** Every repository file that `files` load, directly or through others (relative imports). */
function reachedFrom(files: string[]): string[] {
  const reached = new Set<string>();
  const pending = files.map((file) => path.relative(root, file));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file) || TEST_CODE.test(file)) continue;
    reached.add(file);
    for (const target of importsOf(path.join(root, file), true)) {
      const source = sourceOf(target);
      if (source) pending.push(source);
    }
  }
  return [...reached];
}

/** Edges between folders, from the imports of product code (tests excluded). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const top of ['bin', 'gateway', 'messaging', 'platform', 'runtime', 'schema', 'subgraphs'])
    for (const file of sourceFiles(path.join(root, top))) {
      const from = path.relative(root, file);
      if (TEST_CODE.test(from)) continue;
      for (const target of importsOf(file)) {
        const [a, b] = [unitOf(from), unitOf(target)];
        if (a !== b) graph.set(a, new Set([...(graph.get(a) ?? []), b]));
      }
    }
  return graph;
}

/** One cycle of the graph, or none. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const done = new Set<string>();
  const visit = (node: string, trail: string[]): string[] | undefined => {
    if (trail.includes(node)) return [...trail.slice(trail.indexOf(node)), node];
    if (done.has(node)) return undefined;
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next, [...trail, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('architecture', () => {
  it.each(subgraphDirs)('subgraph %s imports no other subgraph', (name) => {
    const offending = offendingImports(
      filesOf(`subgraphs/${name}`),
      (target) => target.startsWith('subgraphs/') && !target.startsWith(`subgraphs/${name}/`),
    );
    expect(offending).toEqual([]);
  });

  it.each([
    [
      'keeps the gateway generic: it imports no subgraph, platform or messaging code',
      ['gateway'],
      /^(subgraphs|platform|messaging)\//,
    ],
    [
      'keeps runtime and messaging free of domain code',
      ['runtime', 'messaging'],
      /^(subgraphs|platform|gateway)\//,
    ],
  ])('%s', (_rule, tops, forbidden) => {
    expect(offendingImports(filesOf(...tops), (target) => forbidden.test(target))).toEqual([]);
  });

  it('reaches runtime and messaging only through their doors (index, edge), tests through their testing door', () => {
    const tops = [
      'bin',
      'bench',
      'gateway',
      'platform',
      'schema',
      'subgraphs',
      'test-support',
      'web',
    ];
    const offending = offendingImports(filesOf(...tops, 'runtime', 'messaging'), (target, from) => {
      const pkg = doored(target);
      if (!pkg || from.startsWith(`${pkg}/`)) return false;
      if (target === `${pkg}/testing`) return !TEST_CODE.test(from);
      return target !== pkg && target !== `${pkg}/edge`;
    });
    expect(offending).toEqual([]);
  });

  it('keeps the gateway off the database and messaging: it loads only the edge doors', () => {
    const reached = reachedFrom(filesOf('gateway/src'));
    expect(reached.filter((file) => /^(runtime|messaging)\/index\.ts$/.test(file))).toEqual([]);
  });

  it('runs no import cycle between folders', () => {
    expect(findCycle(folderGraph())).toBeUndefined();
  });

  it('finds a cycle where there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', new Set(['b'])]]))).toBeUndefined();
  });
});
