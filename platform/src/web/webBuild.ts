import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { StaticSiteOptions } from '../../../gateway/src';

/**
 * The project's folder: the nearest above this file that holds package.json. From the
 * sources that is three folders up; compiled (`npm run build`), dist/ holds none, so web/
 * is still found beside dist/. Without one, web/ is taken beside the compiled tree.
 */
function projectDir(from = path.resolve(__dirname, '../../..')): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) return from;
  }
}

export const WEB_DIR = path.join(projectDir(), 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
/** What the build reads besides node_modules: a change to any makes the build stale. */
const SOURCES = ['src', 'index.html', 'graphiql.html', 'vite.config.mts'];

function newestChange(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...fs.readdirSync(file).map((name) => newestChange(path.join(file, name))),
  );
}

/** Whether web/dist is missing or older than something it is built from. */
export function webBuildIsStale(webDir = WEB_DIR): boolean {
  const built = fs.statSync(path.join(webDir, 'dist/index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  return Math.max(...SOURCES.map((s) => newestChange(path.join(webDir, s)))) > built.mtimeMs;
}

/**
 * Builds web/dist with Vite when it is missing or stale (`npm start`, the browser tests);
 * Vite's output goes to stderr so that stdout keeps the platform's JSON log lines.
 */
export function ensureWebBuild(webDir = WEB_DIR): void {
  if (!webBuildIsStale(webDir)) return;
  // Without the app's sources (a compiled build shipped without web/) there is nothing to build.
  if (!fs.existsSync(path.join(webDir, 'vite.config.mts'))) {
    throw new Error(`The web app's sources are not in ${webDir}: it cannot be built here.`);
  }
  // Suites in parallel workers may all find it stale: one builds, the others wait for it.
  const lock = path.join(webDir, '.build-lock');
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than any build is left by a process that died.
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 300_000 || Date.now() > deadline)
        fs.rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (webBuildIsStale(webDir)) build(webDir);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function build(webDir: string): void {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--logLevel', 'warn', '--config', path.join(webDir, 'vite.config.mts')],
    { cwd: webDir, stdio: ['ignore', 2, 2] },
  );
  if (result.status !== 0) {
    throw new Error(`Building the web app (web/) failed with status ${result.status}.`);
  }
}

/** The gateway's `site` for the built app, with GraphiQL on the GraphQL path; none unbuilt. */
export function webSite(dist = WEB_DIST): StaticSiteOptions | undefined {
  if (!fs.existsSync(path.join(dist, 'index.html'))) return undefined;
  return { dir: dist, graphqlPage: 'graphiql.html' };
}
