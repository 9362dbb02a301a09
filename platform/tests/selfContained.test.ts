import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Where the repository's own code, tests and docs live. */
const FOLDERS = [
  'gateway',
  'subgraphs',
  'runtime',
  'messaging',
  'schema',
  'platform',
  'web/src',
  'web/tests',
  'test-support',
  'bin',
  'bench',
  'docs',
  'deploy',
];
const ROOT_FILES = ['README.md', 'package.json', 'Dockerfile', 'docker-compose.yml', '.ci/run'];

/**
 * The public federation benchmark is kept beside the repository on purpose (its workload is
 * not ours to copy); these files alone may name its folder.
 */
const FED_WORKLOAD = ['shared', 'bench', 'fed-workload'].join('/');
const FED_WORKLOAD_FILES = new Set(['gateway/tests/fedWorkload.test.ts', 'bench/fed-workload.sh']);

// Built from parts, so this file does not itself name what it looks for.
const OUTSIDE_NOTES = ['DESIGN', 'DOMAIN'].map((name) => new RegExp(`\\b${name}\\.md\\b`));
/**
 * A path up into the folder beside the repository, or one that starts at that folder's name
 * (as comments wrote the contract's place); a `shared` folder inside a path is fine.
 */
const SHARED_PATH = new RegExp(String.raw`(?:\.\./|(?<![\w/.-]))` + 'shared' + '/');

/** What in `text` points outside the repository, one entry per pattern found. */
function outsideReferences(text: string, file: string): string[] {
  const checked = FED_WORKLOAD_FILES.has(file) ? text.split(FED_WORKLOAD).join('') : text;
  return [...OUTSIDE_NOTES, SHARED_PATH]
    .map((pattern) => pattern.exec(checked)?.[0])
    .filter((found): found is string => found !== undefined);
}

/** A path into the repository's code, as docs quote it: `runtime/src/errors.ts`. */
const CODE_PATH =
  /`((?:runtime|messaging|gateway|subgraphs|platform|schema|test-support|bin|web)\/[\w./*-]+)`/g;

function filesUnder(relative: string): string[] {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    return filesUnder(path.posix.join(relative, entry.name));
  });
}

const files = [...FOLDERS, ...ROOT_FILES].flatMap(filesUnder);

describe('the repository is self-contained', () => {
  it('finds what points outside', () => {
    const samples = [
      `see ../${'shared'}/contract`,
      `(${'shared'}/contract/)`,
      `rules in ${'DOMAIN'}.md`,
      `(${'DESIGN'}.md §3.4)`,
      `path.resolve(__dirname, '../../../${'shared'}/bench/other')`,
    ];
    expect(samples.filter((text) => outsideReferences(text, 'x.ts').length === 0)).toEqual([]);
    expect(outsideReferences('web/src/shared/x.ts and docs/domain.md', 'x.ts')).toEqual([]);
    expect(outsideReferences(`'../../../${FED_WORKLOAD}'`, 'bench/fed-workload.sh')).toEqual([]);
    expect(outsideReferences(`../${'shared'}/contract`, 'bench/fed-workload.sh')).not.toEqual([]);
  });

  it('reads the folders it checks', () => {
    expect(files).toContain('docs/architecture.md');
    expect(files).toContain('schema/contract/leave.graphql');
    expect(files.length).toBeGreaterThan(500);
  });

  it('has no code, test or doc that names design notes or paths outside it', () => {
    const offending = files.flatMap((file) =>
      outsideReferences(fs.readFileSync(path.join(root, file), 'utf8'), file).map(
        (found) => `${file}: ${found}`,
      ),
    );
    expect(offending).toEqual([]);
  });

  it('names in its docs only code paths that exist', () => {
    // Generated or built at run time, so absent from a fresh checkout.
    const made = new Set(['gateway/private.jwk.json', 'web/dist']);
    const named = files
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) =>
        [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(CODE_PATH)].map((m) => ({
          file,
          target: m[1].replace(/\/$/, ''),
        })),
      );
    expect(named.length).toBeGreaterThan(50);
    const missing = named.filter(
      ({ target }) =>
        !made.has(target) &&
        !target.includes('*') &&
        !fs.existsSync(path.join(root, target)) &&
        !fs.existsSync(path.join(root, `${target}.ts`)),
    );
    expect(missing).toEqual([]);
  });
});
