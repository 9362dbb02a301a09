import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run build`: the product code compiled once to JavaScript (tsconfig.build.json), so that
 * `node dist/bin/start.js` and `node dist/bin/serve.js <part>` run without a compiler.
 */

const ROOT = path.resolve(__dirname, '..');
export const BUILD_CONFIG = path.join(ROOT, 'tsconfig.build.json');

/**
 * Where the code reads files beside itself at run time (`__dirname`): the subgraphs' SDL, the
 * event catalogue, the supergraph. Each is copied to the same place in the output.
 */
export const ASSET_FOLDERS = [
  'bin',
  'platform/src',
  'gateway/src',
  'messaging',
  'runtime',
  'schema',
  'subgraphs',
];

/** An asset is any file the compiler does not emit, except tests and docs. */
const isAsset = (name: string) => !name.endsWith('.ts') && !name.endsWith('.md');

/** Copies the assets under `relative` into `outDir`, at the same relative paths. */
function copyAssets(relative: string, outDir: string): string[] {
  return fs.readdirSync(path.join(ROOT, relative), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'tests' ? [] : copyAssets(file, outDir);
    }
    if (!entry.isFile() || !isAsset(entry.name)) return [];
    fs.mkdirSync(path.join(outDir, relative), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(outDir, file));
    return [file];
  });
}

/** Compiles into `outDir` (emptied first) and copies the assets beside; returns those copied. */
export function buildPlatform(outDir = path.join(ROOT, 'dist')): string[] {
  fs.rmSync(outDir, { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', BUILD_CONFIG, '--outDir', outDir], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`tsc failed with status ${result.status}.`);
  return ASSET_FOLDERS.flatMap((folder) => copyAssets(folder, outDir));
}

if (require.main === module) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  const assets = buildPlatform(outDir);
  console.log(`Built to ${outDir ?? 'dist'} with ${assets.length} assets beside the code.`);
}
