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

/** Relative imports of a file, resolved to paths inside the repository. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:from\s+|import\s*\(|require\()\s*['"](\.[^'"]+)['"]/g),
  ].map((m) => m[1]);
  return specifiers.map((s) => path.relative(root, path.resolve(path.dirname(file), s)));
}

const subgraphDirs = fs
  .readdirSync(path.join(root, 'subgraphs'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('architecture', () => {
  it.each(subgraphDirs)('subgraph %s imports no other subgraph', (name) => {
    const offending = sourceFiles(path.join(root, 'subgraphs', name)).flatMap((file) =>
      importsOf(file)
        .filter(
          (target) => target.startsWith('subgraphs/') && !target.startsWith(`subgraphs/${name}/`),
        )
        .map((target) => `${path.relative(root, file)} -> ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the gateway generic: it imports no subgraph, platform or messaging code', () => {
    const offending = sourceFiles(path.join(root, 'gateway')).flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(subgraphs|platform|messaging)\//.test(target))
        .map((target) => `${path.relative(root, file)} -> ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps runtime and messaging free of domain code', () => {
    const files = [
      ...sourceFiles(path.join(root, 'runtime')),
      ...sourceFiles(path.join(root, 'messaging')),
    ];
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(subgraphs|platform|gateway)\//.test(target))
        .map((target) => `${path.relative(root, file)} -> ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
