import fs from 'node:fs';
import { createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { roleSuite, seriousViolations } from './roleSession';

let personId: string;

const ENTRIES = `query ($entityId: ID) { auditLogs(filter: { entityId: $entityId }) { totalCount } }`;

const auditor = roleSuite('AUDITOR', '/audit', {
  setUp: async ({ platform }) => {
    personId = (await createPerson(platform, 'Rhys', 'Morgan')).id;
    // The audit subgraph records the hire by event, moments later.
    await waitFor(async () => {
      const result = await platform.graphql(
        ENTRIES,
        { entityId: personId },
        { role: 'AUDITOR', sub: 'service:auditor' },
      );
      return result.data?.auditLogs.totalCount > 0 ? true : undefined;
    });
  },
});

describe('an auditor in the browser', () => {
  it("filters the log to one person's entries and verifies the chain", async () => {
    const { page } = auditor;
    await page.getByLabel('Entity id').fill(personId);
    const rows = page.getByRole('table', { name: 'Audit entries' }).locator('tbody tr');
    await rows.first().waitFor();
    await waitFor(async () => {
      const texts = await rows.allTextContents();
      return texts.length > 0 && texts.every((text) => text.includes(personId)) ? true : undefined;
    });
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByRole('status').filter({ hasText: 'The chain is intact' }).waitFor();
  });

  it('exports the matching entries as NDJSON, hashes included', async () => {
    const { page } = auditor;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export all matching as NDJSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ndjson$/);
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    const entries = lines.map((line) => JSON.parse(line) as { entityId: string; hash: string });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.entityId === personId && e.hash.length > 0)).toBe(true);
  });

  it('/audit has no serious or critical accessibility violation', async () => {
    const { page } = auditor;
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
