import fs from 'node:fs';
import path from 'node:path';
import { renderInputBoundsDocs } from '../runtime';
import { subgraphs } from '../subgraphs';

/** `npx tsx schema/inputBoundsDocs.ts`: writes docs/input-bounds.md from the subgraphs' SDL. */
export const INPUT_BOUNDS_DOCS_FILE = path.resolve(__dirname, '../docs/input-bounds.md');

if (require.main === module) {
  fs.mkdirSync(path.dirname(INPUT_BOUNDS_DOCS_FILE), { recursive: true });
  fs.writeFileSync(INPUT_BOUNDS_DOCS_FILE, renderInputBoundsDocs(subgraphs));
  console.log(`Wrote ${path.relative(process.cwd(), INPUT_BOUNDS_DOCS_FILE)}`);
}
