import fs from 'node:fs';
import { createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { roleSuite, seriousViolations } from './roleSession';

let personId: string;
let actorId: string;

const ENTRIES = `query ($entityId: ID) { auditLogs(filter: { entityId: $entityId }) { totalCount } }`;

const auditor = roleSuite('AUDITOR', '/audit', {
  setUp: async ({ platform }) => {
    personId = (await createPerson(platform, 'Rhys', 'Morgan')).id;
    // Hana, of HR, changes his job title: the entry's actor is her employee id.
    actorId = (await createPerson(platform, 'Hana', 'Actor')).id;
    const changed = await platform.graphql(
      'mutation ($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { id } }',
      { input: { id: personId, jobTitle: 'Charge Nurse' } },
      { role: 'HR', sub: actorId },
    );
    expect(changed.errors).toBeUndefined();
    // The audit subgraph records the hire and the change by event, moments later.
    await waitFor(async () => {
      const result = await platform.graphql(
        ENTRIES,
        { entityId: personId },
        { role: 'AUDITOR', sub: 'service:auditor' },
      );
      return result.data?.auditLogs.totalCount > 1 ? true : undefined;
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
    // An employee who made a change is named, their id under the name; a service as it is.
    const byHana = rows.filter({ hasText: 'Hana Actor' });
    await byHana.waitFor();
    expect(await byHana.textContent()).toContain(actorId);
    expect(await rows.filter({ hasText: 'service:hr' }).count()).toBeGreaterThan(0);
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
