import fs from 'node:fs';
import { EventCatalogue, loadCatalogue, renderCatalogueDocs } from '..';
import { CATALOGUE_DOCS_FILE } from '../scripts/catalogue-docs';
import { thingContract } from './support/things';

describe('catalogue docs', () => {
  it('CATALOGUE.md is generated from the current contracts', () => {
    const committed = fs.readFileSync(CATALOGUE_DOCS_FILE, 'utf8');
    // If this fails, run: npx tsx messaging/scripts/catalogue-docs.ts
    expect(committed).toBe(renderCatalogueDocs(loadCatalogue()));
  });

  it('lists who produces and who consumes each event, and its data fields', () => {
    const catalogue = new EventCatalogue([
      { ...thingContract('created'), consumers: ['leave', 'audit'], description: 'A | B' },
      { ...thingContract('created'), version: 2, consumers: [] },
    ]);
    const docs = renderCatalogueDocs(catalogue);
    expect(docs).toContain('| `test.thing.created` | 1       | test     | leave, audit | A \\| B');
    expect(docs).toMatch(/\| `test.thing.created` \| 2 +\| test +\| +\|/);
    expect(docs).toContain('## `test.thing.created` v2');
    expect(docs).toContain('Producer: test. Consumers: none.');
    expect(docs).toMatch(/\| `n` +\| integer >= 0 \| yes +\|/);
  });
});
