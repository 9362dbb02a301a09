import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { draftOf, type CataloguedDraft, type EventData } from '..';

describe('event data types', () => {
  const balance: EventData<'accruals.balance.changed'> = {
    employeeId: '0190a0b0-0000-7000-8000-000000000001',
    accrualType: 'NIGHT_HOURS',
    date: '2026-04-01',
    cumulative: 7.5,
    version: 1,
  };

  it('are generated from the current contracts', () => {
    // Prettier formats the file, and it cannot load inside Jest: the check runs as a command.
    const root = path.resolve(__dirname, '../..');
    const script = path.join(root, 'messaging/scripts/catalogue-types.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    // If this fails, run: npm run catalogue:types
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);

  it('name each type and version in PascalCase, and map each type to its current data', () => {
    const file = path.resolve(__dirname, '../src/eventTypes/eventData.generated.ts');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('export interface AttendanceCheckInRecordedV1 {');
    expect(text).toContain("'attendance.check_in.recorded': AttendanceCheckInRecordedV1;");
    // A former name's data is its new name's: it gets no type of its own.
    expect(text).not.toContain('AttendanceCheckedInV1');
  });

  it("hold a draft's data to its schema (checked by the compiler in npm test)", () => {
    const draft: CataloguedDraft = {
      type: 'accruals.balance.changed',
      subject: balance.employeeId,
      data: balance,
    };
    // @ts-expect-error: an accrual type the schema does not list
    const wrongType: EventData<'accruals.balance.changed'>['accrualType'] = 'DAY_HOURS';
    const wrongData: CataloguedDraft = {
      type: 'accruals.balance.changed',
      subject: balance.employeeId,
      // @ts-expect-error: a field the schema does not have
      data: { ...balance, extra: true },
    };
    expect([draft.type, wrongType, wrongData.type]).toEqual([
      'accruals.balance.changed',
      'DAY_HOURS',
      'accruals.balance.changed',
    ]);
  });

  it('build a draft of a type, its subject and data, held to the schema', () => {
    const draft: CataloguedDraft<'accruals.balance.changed'> = draftOf(
      'accruals.balance.changed',
      balance.employeeId,
      balance,
    );
    expect(draft).toEqual({
      type: 'accruals.balance.changed',
      subject: balance.employeeId,
      data: balance,
    });
    // @ts-expect-error: a field the schema does not have
    draftOf('accruals.balance.changed', balance.employeeId, { ...balance, extra: true });
    // @ts-expect-error: another type's data
    draftOf('accruals.balance_status.changed', balance.employeeId, balance);
  });
});
