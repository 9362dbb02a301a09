import path from 'node:path';
import { ensureWebBuild, WEB_DIST } from '../../platform/src/web/webBuild';
import { firstLoadFiles, totalGzip } from '../tools/firstLoadSize';

/** The budget for what the app's first page loads, gzipped. */
const BUDGET_BYTES = 300 * 1024;

describe("the web app's first load", () => {
  beforeAll(() => ensureWebBuild(), 180_000);

  it('loads at most 300 KB of gzipped JavaScript and CSS, GraphiQL and lazy pages left out', () => {
    const files = firstLoadFiles(WEB_DIST);
    expect(files.some((f) => f.file.endsWith('.js'))).toBe(true);
    // GraphiQL's editor is only for /graphql.
    expect(files.filter((f) => /monaco|graphiql/i.test(path.basename(f.file)))).toEqual([]);
    expect(totalGzip(files)).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
