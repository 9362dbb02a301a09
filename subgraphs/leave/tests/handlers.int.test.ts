import { v7 as uuidv7 } from 'uuid';
import { AgreementCopySchema, EmployeeCopySchema } from '../src/entities';
import { employeeCopyHandler, agreementCopyHandler } from '../src/handlers';
import { agreementData, createdData, startLeave } from './support';
import { statusChangedData, terminatedData } from '../../../test-support/employeeEvents';
import { employeeUpdatedData } from '../../../test-support/employeeUpdatedData';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('leave: copies fed by events', () => {
  const h = suiteHarness(startLeave);

  const employee = (id: string) => h.runtime.orm.em.fork().findOneOrFail(EmployeeCopySchema, id);
  const agreement = (id: string) => h.runtime.orm.em.fork().findOneOrFail(AgreementCopySchema, id);

  it('listens to every employees and agreements event it keeps copies from', () => {
    expect([...employeeCopyHandler.types].sort()).toEqual([
      'employees.employee.created',
      'employees.employee.status_changed',
      'employees.employee.terminated',
      'employees.employee.updated',
      'employees.manager.assigned',
    ]);
    expect([...agreementCopyHandler.types].sort()).toEqual([
      'agreements.agreement.amended',
      'agreements.agreement.created',
      'agreements.agreement.ended',
    ]);
  });

  it('employees.employee.created: starts the copy', async () => {
    const id = uuidv7();
    const managerId = uuidv7();
    await h.employeeEvent(
      'employees.employee.created',
      createdData(id, {
        managerId,
        location: 'SCOTLAND',
        timeZone: 'Europe/London',
        hireDate: '2024-09-02',
      }),
    );
    expect(await employee(id)).toMatchObject({
      status: 'ACTIVE',
      managerId,
      location: 'SCOTLAND',
      hireDate: '2024-09-02',
      version: 1,
    });
  });

  it('employees.employee.updated: takes location, zone and hire date; ignores older versions', async () => {
    const id = await h.hire();
    const update = (version: number, location: string) =>
      h.employeeEvent(
        'employees.employee.updated',
        employeeUpdatedData(id, version, {
          location: { old: 'ENGLAND_AND_WALES', new: location },
          hireDate: { old: '2021-04-01', new: '2021-05-04' },
        }),
      );
    await update(3, 'NORTHERN_IRELAND');
    await update(2, 'SCOTLAND'); // out of order: older than the copy
    await update(3, 'SCOTLAND'); // duplicate version
    expect(await employee(id)).toMatchObject({
      location: 'NORTHERN_IRELAND',
      hireDate: '2021-05-04',
      version: 3,
    });
  });

  it('employees.employee.status_changed and terminated: status and termination date', async () => {
    const id = await h.hire();
    await h.employeeEvent(
      'employees.employee.status_changed',
      statusChangedData(id, 2, 'ON_LEAVE'),
    );
    expect((await employee(id)).status).toBe('ON_LEAVE');
    await h.employeeEvent('employees.employee.terminated', terminatedData(id, 3, '2026-01-31'));
    // A late status change cannot bring a terminated employee back.
    await h.employeeEvent('employees.employee.status_changed', statusChangedData(id, 2, 'ACTIVE'));
    expect(await employee(id)).toMatchObject({
      status: 'TERMINATED',
      terminationDate: '2026-01-31',
      version: 3,
    });
  });

  it('employees.manager.assigned: the reporting line; an event before created starts a copy', async () => {
    const id = uuidv7();
    const managerId = uuidv7();
    await h.employeeEvent('employees.manager.assigned', {
      employeeId: id,
      employeeNumber: 'E1',
      version: 2,
      managerId,
      previousManagerId: null,
    });
    await h.employeeEvent('employees.employee.created', createdData(id, { managerId: null }));
    expect(await employee(id)).toMatchObject({ managerId, version: 2 });
  });

  it('agreements.agreement.created, amended and ended: the newest version wins', async () => {
    const employeeId = uuidv7();
    const data = agreementData(employeeId, { fte: 0.8 });
    const id = data.agreementId;
    await h.agreementEvent('agreements.agreement.created', data);
    expect(await agreement(id)).toMatchObject({
      fteUnits: 8000,
      endDate: '2026-03-31',
      version: 1,
    });
    await h.agreementEvent('agreements.agreement.amended', { ...data, version: 2, fte: 0.6 });
    await h.agreementEvent('agreements.agreement.ended', {
      ...data,
      version: 3,
      fte: 0.6,
      endDate: '2026-01-31',
      previousEndDate: '2026-03-31',
    });
    await h.agreementEvent('agreements.agreement.amended', { ...data, version: 2, fte: 0.6 });
    await h.agreementEvent('agreements.agreement.created', data);
    expect(await agreement(id)).toMatchObject({
      fteUnits: 6000,
      endDate: '2026-01-31',
      version: 3,
    });
  });

  it('takes entitlement and working days when an agreement event carries them', async () => {
    const data = agreementData(uuidv7(), {
      annualLeaveDays: 27.5,
      workingDays: ['MON', 'TUE', 'WED'],
    });
    await h.agreementEvent('agreements.agreement.created', data);
    expect(await agreement(data.agreementId)).toMatchObject({
      annualLeaveHundredths: 2750,
      workingDays: ['MON', 'TUE', 'WED'],
    });
  });

  it('decides from its copies: a terminated employee cannot ask for leave', async () => {
    const id = await h.hire();
    await h.employeeEvent('employees.employee.terminated', terminatedData(id, 2, '2025-11-30'));
    const reply = await h.request(id, { startDate: '2026-01-05', endDate: '2026-01-05' });
    expect(reply.errors![0].extensions).toMatchObject({ rule: 'EMPLOYEE_NOT_ACTIVE' });
  });
});
