import { createHash } from 'node:crypto';
import type http from 'node:http';
import { Writable } from 'node:stream';
import { close, listen } from '../../../runtime';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { createGatewayKeys } from '../../../test-support/gatewayKeys';
import { appendEvent } from '../src';
import { COLUMNS, csvCell, streamEntries } from '../src/exportRoute';
import { auditor, eventSeries, makeEvent, startAudit, type Caller } from './support';

const start = new Date('2025-04-01T08:00:00Z');
const SERIES = 40;
const TOTAL = SERIES + 1;

/** RFC 4180 rows, for checking what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\r')) {
      cell += c;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++; // the \n of \r\n
    }
  }
  return rows;
}

/** Canonical JSON as docs/domain.md describes it: keys sorted at every depth, no spaces. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`).join(',')}}`;
}

/** An NDJSON line's hash, worked out from the line alone, as an auditor would offline. */
function offlineHash(line: Record<string, unknown>): string {
  const { hash: _hash, prevHash, chain, ...fields } = line;
  const hashed = chain === 0 ? fields : { ...fields, chain };
  return createHash('sha256')
    .update(`${prevHash as string}${sortedJson(hashed)}`)
    .digest('hex');
}

interface ErrorBody {
  errors: { message: string; extensions: Record<string, unknown> }[];
}

describe('audit export', () => {
  const audit = suiteHarness(startAudit);
  let server: http.Server;
  let base: string;
  const gateway = createGatewayKeys();
  const tricky = makeEvent({
    actor: '=HYPERLINK("http://evil")',
    subject: '-1+2',
    requestId: '-1-1',
    type: 'employees.employee.updated',
    time: new Date('2025-04-01T07:00:00Z'),
    data: {
      employeeId: '0190a3c4-0000-7000-8000-000000000009',
      employeeNumber: 'E-9',
      version: 2,
      changes: { jobTitle: { old: 'Lead, "Ops"', new: 'Head\nof Ops' } },
    },
  });

  beforeAll(async () => {
    await appendEvent(audit.runtime.orm.em, tricky);
    for (const event of eventSeries(SERIES, start)) await appendEvent(audit.runtime.orm.em, event);
    server = audit.runtime.createHttpServer({ gatewayAssertions: gateway.verifier });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/audit/export`;
  });
  afterAll(async () => {
    await close(server);
  });

  // As the gateway's proxy route calls it: with the gateway's assertion.
  const get = async (query: string, caller: Caller | null = auditor) => {
    const headers = await gateway.headers();
    if (caller) headers.authorization = `Bearer ${await audit.token(caller)}`;
    return fetch(`${base}${query}`, { headers });
  };

  it('streams NDJSON by default, in chain order, one entry a line', async () => {
    const response = await get('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-log-.+\.ndjson"$/,
    );
    const lines = (await response.text()).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(TOTAL);
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(Object.keys(entries[0])).toEqual([...COLUMNS]);
    expect(entries[0]).toMatchObject({
      actorId: '=HYPERLINK("http://evil")',
      entityId: '-1+2',
      oldValues: { jobTitle: 'Lead, "Ops"' },
      occurredAt: '2025-04-01T07:00:00.000Z',
    });
    expect(entries[1].newValues.email).toBe('***');
    expect(entries[1].prevHash).toBe(entries[0].hash);
  });

  it('streams CSV with a header, quoting and the formula guard', async () => {
    const response = await get('?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/\.csv"$/);
    const text = await response.text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...COLUMNS]);
    expect(rows).toHaveLength(TOTAL + 1);
    const cell = (row: string[], column: (typeof COLUMNS)[number]) => row[COLUMNS.indexOf(column)];
    const first = rows[1];
    expect(cell(first, 'actorId')).toBe(`'=HYPERLINK("http://evil")`);
    expect(cell(first, 'entityId')).toBe(`'-1+2`);
    expect(cell(first, 'requestId')).toBe(`'-1-1`);
    expect(JSON.parse(cell(first, 'oldValues'))).toEqual({ jobTitle: 'Lead, "Ops"' });
    expect(JSON.parse(cell(first, 'newValues')).jobTitle).toBe('Head\nof Ops');
    expect(cell(first, 'occurredAt')).toBe('2025-04-01T07:00:00.000Z');
    expect(cell(rows[2], 'prevHash')).toBe(cell(first, 'hash'));
    expect(text).toContain(`"{""jobTitle"":""Lead, \\""Ops\\""""}"`);
  });

  it('verifies offline from the NDJSON export as docs/domain.md says; the CSV is for reading', async () => {
    const entries = (await (await get('')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    entries.sort((a, b) => Number(a.chain) - Number(b.chain) || Number(a.seq) - Number(b.seq));
    let before: Record<string, unknown> | undefined;
    for (const entry of entries) {
      const first = !before || before.chain !== entry.chain;
      expect(entry.prevHash).toBe(first ? '0'.repeat(64) : before!.hash);
      expect(offlineHash(entry)).toBe(entry.hash);
      before = entry;
    }
    // The guarded cell is what a spreadsheet shows, not what was hashed.
    const csv = parseCsv(await (await get('?format=csv')).text());
    expect(csv[1][COLUMNS.indexOf('requestId')]).toBe(`'${entries[0].requestId as string}`);
  });

  it('filters by type, entity and time', async () => {
    const byType = await get('?logType=employees.employee.updated&format=ndjson');
    expect((await byType.text()).trim().split('\n')).toHaveLength(1);
    const byEntity = await get('?entityType=employee&entityId=-1%2B2');
    expect((await byEntity.text()).trim().split('\n')).toHaveLength(1);
    const from = encodeURIComponent(new Date(start.getTime() + 60_000).toISOString());
    const to = encodeURIComponent('2025-04-01T09:04:00+01:00');
    const byTime = await get(`?format=csv&from=${from}&to=${to}`);
    expect(parseCsv(await byTime.text())).toHaveLength(1 + 4);
  });

  it.each<Caller['role']>(['EMPLOYEE', 'HR', 'MANAGER', 'SYSTEM'])(
    'refuses %s with 403',
    async (role) => {
      const response = await get('?format=csv', { role });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    },
  );

  it('lets ADMIN export', async () => {
    expect((await get('?format=csv&logType=none', { role: 'ADMIN' })).status).toBe(200);
  });

  it("refuses a caller that is not the gateway with 403, even with an auditor's token", async () => {
    const response = await fetch(`${base}?format=csv`, {
      headers: { authorization: `Bearer ${await audit.token(auditor)}` },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a request without a token with 401', async () => {
    const response = await get('', null);
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it.each([
    ['?format=xml', 'format'],
    ['?from=yesterday', 'from'],
    ['?to=2025-04-01', 'to'],
    ['?from=2025-04-02T00:00:00Z&to=2025-04-01T00:00:00Z', 'to'],
    ['?format=csv&format=ndjson', 'format'],
    ['?form=csv', 'form'],
    // The bounds GraphQL's filter has: an ID of at most 128 characters, no control characters.
    [`?entityId=${'x'.repeat(129)}`, 'entityId'],
    ['?logType=%00%01', 'logType'],
    [`?correlationId=${'c'.repeat(1001)}`, 'correlationId'],
  ])('refuses %s with 400 naming the parameter', async (query, field) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('writes in batches, waiting for the reader when the output is full', async () => {
    let refusals = 0;
    const chunks: string[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        setTimeout(done, 5);
      },
    });
    const write = slow.write.bind(slow);
    slow.write = ((chunk: string) => {
      const accepted = write(chunk);
      if (!accepted) refusals += 1;
      return accepted;
    }) as typeof slow.write;
    const request = { format: 'ndjson', filter: {} } as const;
    const count = await streamEntries(audit.runtime.orm.em.fork(), request, slow, 7);
    await new Promise((resolve) => slow.end(resolve));
    expect(count).toBe(TOTAL);
    expect(refusals).toBeGreaterThan(0);
    // Batch by batch, the same file as in one go.
    expect(chunks.join('')).toBe(await (await get('')).text());
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['=a,"b"', `"'=a,""b"""`],
    ['Smith;=1+1', '"Smith;=1+1"'],
  ])('writes %j as %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
});
