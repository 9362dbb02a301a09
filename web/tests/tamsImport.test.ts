import fs from 'node:fs';
import type { Request } from 'playwright-core';
import { createPerson, type SeededPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { roleSuite, seriousViolations } from './roleSession';
import { errorBeside } from './support/fields';

let people: SeededPerson[];

const HR = { role: 'HR' as const, sub: 'service:hr' };

const HEADER =
  'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,salary_basis,' +
  'weekly_hours,working_days,annual_leave_days,target_annual_target_hours';
const line = (number: string, fte = '1') =>
  `${number},AHA,2025-04-01,2026-03-31,${fte},MODERNISED,NATIONAL,37.5,MON|TUE|WED|THU|FRI,27,1950`;

const AGREEMENTS = `query ($id: ID!) { employee(id: $id) { agreements { startDate fte } } }`;
const agreementsOf = async (person: SeededPerson) =>
  (await hr.platform.graphql(AGREEMENTS, { id: person.id }, HR)).data?.employee?.agreements ?? [];

const hr = roleSuite('HR', '/hr/import', {
  setUp: async ({ platform }) => {
    people = [];
    for (const name of ['Tamsin', 'Tobias', 'Tilly'])
      people.push(await createPerson(platform, name, 'Import'));
    // Agreements learns of people by event: a dry run creates all three once it knows them.
    const known = `mutation ($input: ImportAgreementsInput!) { importAgreements(input: $input) { created } }`;
    const content = [HEADER, ...people.map((p) => line(p.employeeNumber))].join('\n');
    await waitFor(async () => {
      const dry = await platform.graphql(
        known,
        { input: { format: 'CSV', content, dryRun: true } },
        HR,
      );
      return dry.data?.importAgreements.created === 3 || undefined;
    });
  },
});

/** Chooses the file on the page, as a person picking it from their disk. */
async function chooseFile(content: string) {
  await hr.page.getByLabel('TAMS file').setInputFiles({
    name: 'tams-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(content),
  });
}

describe('the TAMS import in the browser', () => {
  // Line 3 (Tobias) has an FTE over 1: the one bad row.
  const file = () =>
    [
      HEADER,
      line(people[0].employeeNumber),
      line(people[1].employeeNumber, '1.5'),
      line(people[2].employeeNumber, '0.6'),
    ].join('\n') + '\n';

  it('checks a file in a dry run: the report, and nothing written', async () => {
    const { page } = hr;
    await page.getByRole('heading', { name: 'Import agreements', level: 1 }).waitFor();
    await chooseFile(file());
    await page.getByLabel(/Dry run/).check();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('status').filter({ hasText: 'Dry run done: 3 of 3 rows' }).waitFor();
    await page.getByText('2 would be created').waitFor();
    expect(await agreementsOf(people[0])).toEqual([]);
  });

  it('imports it with progress to the total, reports the bad row by line and field, and exports the report', async () => {
    const { page } = hr;
    await page.getByLabel(/Dry run/).uncheck();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Import done: 3 of 3 rows' }).waitFor();
    const bar = page.getByRole('progressbar', { name: 'Rows done' });
    expect(await bar.getAttribute('value')).toBe('3');
    expect(await bar.getAttribute('max')).toBe('3');
    await page.getByText('2 created, 0 amended, 0 unchanged, 1 rejected.').waitFor();

    const report = page.getByRole('table', { name: 'Rows not taken' });
    const rows = report.getByRole('row');
    expect(await rows.count()).toBe(2); // the heading and the one bad row
    const cells = await rows.nth(1).getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['3', 'fte']);
    expect(cells[2]).toMatch(/fte/i);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      'Line,Field,Reason',
      expect.stringMatching(/^3,fte,/),
    ]);

    // The job is in the address: after a reload the page still shows it and its report.
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Import done: 3 of 3 rows' }).waitFor();
    await report.getByRole('cell', { name: 'fte', exact: true }).waitFor();

    // The good rows' agreements exist; the bad row's does not.
    expect(await agreementsOf(people[0])).toEqual([{ startDate: '2025-04-01', fte: 1 }]);
    expect(await agreementsOf(people[1])).toEqual([]);
    expect(await agreementsOf(people[2])).toEqual([{ startDate: '2025-04-01', fte: 0.6 }]);

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a file that is not TAMS beside the file field', async () => {
    const { page } = hr;
    await chooseFile('name,colour\nTamsin,blue\n');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('[aria-invalid="true"]').waitFor();
    expect(await errorBeside(page.getByLabel('TAMS file'))).toMatch(/not a TAMS CSV file/);
  });

  it('refuses, before sending, a file whose encoded request is over the gateway limit', async () => {
    const { page } = hr;
    await page.reload();
    await page.getByRole('heading', { name: 'Import agreements', level: 1 }).waitFor();
    // Under 1,000,000 bytes on disk; JSON escapes each quote and CRLF, so over 1 MiB sent.
    const quoted = (text: string) =>
      text
        .split(',')
        .map((cell) => `"${cell}"`)
        .join(',');
    const row = `${quoted(line(people[0].employeeNumber))}\r\n`;
    const content = `${quoted(HEADER)}\r\n${row.repeat(Math.floor(989_905 / row.length))}`;
    expect(Buffer.byteLength(content)).toBeLessThan(1_000_000);
    const isImport = (request: Request) => !!request.postData()?.includes('StartAgreementsImport');
    const sent: string[] = [];
    page.on('request', (request) => void (isImport(request) && sent.push(request.url())));
    await chooseFile(content);
    // Whichever comes first: the form's refusal, or the request it should not have sent.
    const refusedOrSent = Promise.race([
      page.getByLabel('TAMS file').and(page.locator('[aria-invalid="true"]')).waitFor(),
      page.waitForRequest(isImport),
    ]).catch(() => undefined);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await refusedOrSent;
    expect(sent).toEqual([]);
    expect(await errorBeside(page.getByLabel('TAMS file'))).toMatch(
      /tams-export\.csv makes a request of 1,\d{3} KiB once encoded .* at most 1,024 KiB/,
    );
  });
});
