// Regenerates messaging/CATALOGUE.md from the contracts in messaging/catalogue/.
// Run: npx tsx messaging/scripts/catalogue-docs.ts
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../src/catalogue';
import { renderCatalogueDocs } from '../src/catalogueDocs';

export const CATALOGUE_DOCS_FILE = path.resolve(__dirname, '..', 'CATALOGUE.md');

if (require.main === module) {
  fs.writeFileSync(CATALOGUE_DOCS_FILE, renderCatalogueDocs(loadCatalogue()));
  console.log(`Wrote ${path.relative(process.cwd(), CATALOGUE_DOCS_FILE)}`);
}
