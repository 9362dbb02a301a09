import { v7 as uuidv7 } from 'uuid';
import { loadCatalogue } from '../../../messaging';
import type { Caller } from '../../../test-support/startSubgraph';
import {
  cardInput,
  costOf,
  entryEvent,
  finance,
  ledgerSums,
  SET_RATE_CARD,
  startBilling,
} from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const CREATE = `mutation ($input: CreateGradeInput!) {
  createGrade(input: $input) { code description retired defined version holderCount ratedFrom } }`;
const UPDATE = `mutation ($input: UpdateGradeInput!) {
  updateGrade(input: $input) { code description retired version } }`;
const LIST = `query ($after: String, $retired: Boolean) {
  grades(first: 2, after: $after, includeRetired: $retired) {
    nodes { code description retired defined holderCount ratedFrom }
    pageInfo { endCursor hasNextPage } totalCount } }`;
const UNCOSTED = `{ uncostedEntries(first: 10) { totalCount } }`;

const hr: Caller = { role: 'HR', sub: uuidv7() };

describe('billing: grades are reference data', () => {
  const h = suiteHarness(() => startBilling('2026-03-02T12:00:00Z'));

  const allGrades = async (includeRetired = false) => {
    const seen: { code: string; defined: boolean; holderCount: number; retired: boolean }[] = [];
    let after: string | null = null;
    for (;;) {
      const reply = await h.gql(LIST, { after, retired: includeRetired }, finance);
      expect(reply.errors).toBeUndefined();
      const page = reply.data!.grades;
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return { seen, total: page.totalCount as number };
      after = page.pageInfo.endCursor;
    }
  };

  it('a grade created before anyone holds it takes a rate card, and its holder is costed at it', async () => {
    const created = await h.gql(
      CREATE,
      { input: { code: 'NEW1', description: 'Graduate engineer', idempotencyKey: 'g-1' } },
      hr,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createGrade).toEqual({
      code: 'NEW1',
      description: 'Graduate engineer',
      retired: false,
      defined: true,
      version: 1,
      holderCount: 0,
      ratedFrom: null,
    });
    // The same key again returns the grade and creates nothing; without it, a CONFLICT.
    const again = await h.gql(CREATE, { input: { code: 'NEW1', idempotencyKey: 'g-1' } }, hr);
    expect(again.data!.createGrade.description).toBe('Graduate engineer');
    const twice = await h.gql(CREATE, { input: { code: 'NEW1' } }, finance);
    expect(twice.errors![0]!.extensions!.code).toBe('CONFLICT');
    const events = await h.events('billing.grade.created');
    expect(events.map((e) => e.data.grade)).toEqual(['NEW1']);
    expect(() => loadCatalogue().validate(events[0])).not.toThrow();

    const card = await h.gql(
      SET_RATE_CARD,
      { input: cardInput({ grade: 'NEW1', effectiveFrom: '2026-03-03', rate: 1800 }) },
      finance,
    );
    expect(card.errors).toBeUndefined();
    expect(card.data!.setRateCard).toMatchObject({ grade: 'NEW1', effectiveFrom: '2026-03-03' });

    const employeeId = await h.hire({ grade: 'NEW1', department: 'Graduates' });
    const entryId = uuidv7();
    await h.apply(
      entryEvent('recorded', {
        entryId,
        employeeId,
        version: 1,
        startTime: '2026-03-04T09:00:00Z',
        endTime: '2026-03-04T11:00:00Z',
      }),
    );
    // 2 hours at £18.00.
    expect(await costOf(h, employeeId, '2026-03-04', '2026-03-04')).toEqual({
      amountMinor: 3600,
      currency: 'GBP',
    });
    const { transactions, postings } = await h.ledger();
    expect(transactions.filter((t) => t.entry_id === entryId).map((t) => t.kind)).toEqual(['COST']);
    expect(ledgerSums(postings).get('GBP')).toBe(0);
    const grade = await h.gql(`{ grade(code: "NEW1") { holderCount ratedFrom } }`, {}, hr);
    expect(grade.data!.grade).toEqual({ holderCount: 1, ratedFrom: '2026-03-03' });
  });

  it('an unknown grade takes no card; grades held by employees stay known without being created', async () => {
    const unknown = await h.gql(
      SET_RATE_CARD,
      { input: cardInput({ grade: 'NOBODY', effectiveFrom: '2026-03-03', rate: 1000 }) },
      finance,
    );
    expect(unknown.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'grade',
    });
    expect(unknown.errors![0]!.message).toMatch(/createGrade/);

    await h.hire({ grade: 'HELD1' });
    const held = await h.gql(
      SET_RATE_CARD,
      { input: cardInput({ grade: 'HELD1', effectiveFrom: '2026-03-03', rate: 1000 }) },
      finance,
    );
    expect(held.errors).toBeUndefined();
    const { seen, total } = await allGrades();
    expect(seen.map((g) => g.code)).toEqual(['HELD1', 'NEW1']);
    expect(total).toBe(2);
    expect(seen.find((g) => g.code === 'HELD1')).toMatchObject({ defined: false, holderCount: 1 });
  });

  it('HR describes and retires a grade; a stale version is a CONFLICT; retired grades are listed on request', async () => {
    await h.gql(CREATE, { input: { code: 'OLD1', description: 'Legacy band' } }, hr);
    const stale = await h.gql(
      UPDATE,
      { input: { code: 'OLD1', retired: true, expectedVersion: 7 } },
      hr,
    );
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    const retired = await h.gql(
      UPDATE,
      { input: { code: 'OLD1', retired: true, description: 'Closed 2026', expectedVersion: 1 } },
      hr,
    );
    expect(retired.data!.updateGrade).toEqual({
      code: 'OLD1',
      description: 'Closed 2026',
      retired: true,
      version: 2,
    });
    const [event] = await h.events('billing.grade.updated');
    expect(event!.data).toMatchObject({
      grade: 'OLD1',
      retired: true,
      previous: { description: 'Legacy band', retired: false },
    });
    expect(() => loadCatalogue().validate(event)).not.toThrow();

    expect((await allGrades()).seen.map((g) => g.code)).not.toContain('OLD1');
    const withRetired = await allGrades(true);
    expect(withRetired.seen.map((g) => g.code)).toEqual(['HELD1', 'NEW1', 'OLD1']);
    expect(withRetired.total).toBe(3);

    const missing = await h.gql(UPDATE, { input: { code: 'HELD1', description: 'x' } }, hr);
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const blank = await h.gql(CREATE, { input: { code: '   ' } }, hr);
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  it('roles: EMPLOYEE and MANAGER are FORBIDDEN; HR keeps grades but not rates; FINANCE all', async () => {
    const card = { input: cardInput({ grade: 'NEW1', effectiveFrom: '2026-04-01', rate: 1 }) };
    for (const role of ['EMPLOYEE', 'MANAGER'] as const) {
      const caller = { role, sub: uuidv7() };
      for (const [query, vars] of [
        [LIST, {}],
        [`{ grade(code: "NEW1") { code } }`, {}],
        [CREATE, { input: { code: `${role}-G` } }],
        [UPDATE, { input: { code: 'NEW1', description: 'mine' } }],
        [UNCOSTED, {}],
        [SET_RATE_CARD, card],
      ] as const) {
        const reply = await h.gql(query, vars, caller);
        expect(reply.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      }
    }
    expect((await h.gql(LIST, {}, hr)).errors).toBeUndefined();
    expect((await h.gql(CREATE, { input: { code: 'HR1' } }, hr)).errors).toBeUndefined();
    for (const query of [UNCOSTED, SET_RATE_CARD]) {
      const reply = await h.gql(query, card, hr);
      expect(reply.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await h.gql(CREATE, { input: { code: 'FIN1' } }, finance)).errors).toBeUndefined();
    expect((await h.gql(UNCOSTED, {}, finance)).errors).toBeUndefined();
    expect((await h.gql(SET_RATE_CARD, card, finance)).errors).toBeUndefined();
    const admin = { role: 'ADMIN' as const, sub: uuidv7() };
    expect((await h.gql(UNCOSTED, {}, admin)).errors).toBeUndefined();
  });

  // Last: the grades it creates would show in the lists the tests above compare.
  it.each(['Band 5', 'Stufe Ä5'])('takes a code with a space or any letter: %s', async (code) => {
    const created = await h.gql(CREATE, { input: { code } }, hr);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createGrade).toMatchObject({ code, defined: true, version: 1 });
    const updated = await h.gql(
      `mutation ($input: UpdateGradeInput!) { updateGrade(input: $input) { code description } }`,
      { input: { code, description: 'Nursing' } },
      finance,
    );
    expect(updated.data!.updateGrade).toEqual({ code, description: 'Nursing' });
    // The events carry the code as it is; their subject, percent-encoded.
    for (const type of ['billing.grade.created', 'billing.grade.updated'] as const) {
      const [event] = (await h.events(type)).filter((e) => e.data.grade === code);
      expect(event!.subject).toBe(encodeURIComponent(code));
      expect(() => loadCatalogue().validate(event!)).not.toThrow();
    }
  });
});
