import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface LoadedFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Static imports in built ES modules (`import{a}from"./x.js"`, `import"./y.js"`), not `import()`. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?from\s*)?["']([^"']+\.js)["']/g;

/**
 * What a browser loads before the app can run, from a built page: its scripts, module
 * preloads and stylesheets, and every module those import statically (lazy pages excluded).
 */
export function firstLoadFiles(dist: string, page = 'index.html'): LoadedFile[] {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  const queue = refs.map((ref) => ref.replace(/^\//, ''));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) {
      queue.push(path.posix.join(path.posix.dirname(file), spec));
    }
  }
  return [...seen].sort().map((file) => {
    const content = fs.readFileSync(path.join(dist, file));
    return { file, bytes: content.length, gzipBytes: zlib.gzipSync(content, { level: 9 }).length };
  });
}

export const totalGzip = (files: LoadedFile[]) => files.reduce((sum, f) => sum + f.gzipBytes, 0);
