import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import {
  checkExpectedVersion,
  once,
  type SubgraphContext,
  withOptimisticLock,
} from '../../../runtime';
import { applyPatch, changesOf, newEmployee, patchOf, type NewEmployee } from './changes';
import { EmployeeSchema, type Employee, type EmployeeStatus } from './entities';
import {
  duplicateEmail,
  duplicateNumber,
  employeeNotFound,
  isDuplicate,
  lifecycle,
  managerCycle,
  managerTerminated,
  terminatedIsFinal,
  unknownManager,
} from './errors';
import {
  employeeCreated,
  employeeUpdated,
  managerAssigned,
  type PendingEvent,
  statusChanged,
} from './events';
import type {
  AssignManagerInput,
  ChangeEmployeeStatusInput,
  CreateEmployeeInput,
  TerminateEmployeeInput,
  UpdateEmployeeInput,
  WithdrawTerminationInput,
} from './inputs';
import type { EmployeeLoaders } from './loaders';
import { assertCanManage, assertCanReadDirectory, assertCanUpdate } from './permissions';
import * as check from './inputs';
import {
  endEmployment,
  lastDayPassed,
  scheduleTermination,
  withdrawTermination,
} from './termination';
import {
  bumpCounter,
  checkPageSize,
  listDepartments,
  listEmployees,
  managerChains,
  type EmployeeFilter,
  type Page,
} from './queries';

export type EmployeeContext = SubgraphContext<EmployeeLoaders>;

export interface EmployeeVerification {
  exists: boolean;
  status: EmployeeStatus | null;
  department: string | null;
}

const NUMBER_COUNTER = 'employee_number';
const REPORTING_LINES = 'reporting_lines';

/** Employees' use cases: who may, what is valid, and the event each change records. */
export class EmployeeService {
  constructor(
    private readonly ctx: EmployeeContext,
    /** The clock that says whether a last day has passed (tests pin it). */
    private readonly now: () => Date = () => new Date(),
  ) {}

  me(): Promise<Employee | null> {
    const { employeeId, role } = this.ctx.identity;
    if (!employeeId || role === 'PARTNER') return Promise.resolve(null);
    return this.ctx.loaders.byId.load(employeeId);
  }

  get(id: string): Promise<Employee | null> {
    assertCanReadDirectory(this.ctx.identity);
    return this.ctx.loaders.byId.load(id);
  }

  list(first: number, after: string | null | undefined, filter: EmployeeFilter): Promise<Page> {
    assertCanReadDirectory(this.ctx.identity);
    checkPageSize(first);
    return listEmployees(this.ctx.em, filter, first, after);
  }

  departments(): Promise<string[]> {
    assertCanReadDirectory(this.ctx.identity);
    return listDepartments(this.ctx.em);
  }

  async verify(id: string): Promise<EmployeeVerification> {
    assertCanReadDirectory(this.ctx.identity);
    const employee = await this.ctx.loaders.byId.load(id);
    return {
      exists: !!employee,
      status: employee?.status ?? null,
      department: employee?.department ?? null,
    };
  }

  async create(input: CreateEmployeeInput): Promise<Employee> {
    assertCanManage(this.ctx.identity);
    const values = newEmployee(input, this.ctx.cipher);
    const scope = {
      operation: 'employees.createEmployee',
      caller: this.ctx.identity.subject,
      key: check.idempotencyKey(input.idempotencyKey),
    };
    const run = () => this.writing(() => once(this.ctx.em, scope, (tx) => this.insert(tx, values)));
    const { id } = await run().catch((error: unknown) => {
      // The same key sent twice at once: the other request may have won after
      // our key check; asking again returns its employee (or the same error).
      if (scope.key && isDuplicate(error)) return run();
      throw error;
    });
    const employee = await this.ctx.em.fork().findOne(EmployeeSchema, id);
    if (!employee) throw employeeNotFound(id);
    return employee;
  }

  update(input: UpdateEmployeeInput): Promise<Employee> {
    const fields = Object.keys(input).filter((k) => k !== 'id' && k !== 'expectedVersion');
    assertCanUpdate(this.ctx.identity, input.id, fields);
    const patch = patchOf(input);
    return this.change(input.id, input.expectedVersion, async (tx, employee) => {
      if (employee.status === 'TERMINATED') throw terminatedIsFinal();
      const changes = changesOf(employee, patch, this.ctx.cipher);
      if (Object.keys(changes).length === 0) return null;
      if (changes.email) await this.assertEmailFree(tx, patch.email!, employee.id);
      if (changes.employeeNumber) await this.assertNumberFree(tx, patch.employeeNumber!);
      // The first day may not move past a scheduled last day.
      if (changes.hireDate && employee.terminationDate)
        check.notAfter('hireDate', patch.hireDate!, employee.terminationDate, 'the last day');
      applyPatch(employee, patch, this.ctx.cipher);
      return (e) => employeeUpdated(e, changes);
    });
  }

  changeStatus(input: ChangeEmployeeStatusInput): Promise<Employee> {
    assertCanManage(this.ctx.identity);
    return this.change(input.id, input.expectedVersion, async (_tx, employee) => {
      const from = employee.status;
      if (input.status === 'TERMINATED')
        throw lifecycle('An employee is terminated with terminateEmployee, not a status change.');
      if (from === 'TERMINATED') throw lifecycle('TERMINATED is final.');
      if (from === input.status) return null;
      employee.status = input.status;
      return (e) => statusChanged(e, from);
    });
  }

  assignManager(input: AssignManagerInput): Promise<Employee> {
    assertCanManage(this.ctx.identity);
    const managerId = input.managerId ?? null;
    return this.change(input.id, input.expectedVersion, async (tx, employee) => {
      if (employee.status === 'TERMINATED') throw terminatedIsFinal();
      if (managerId) await this.assertManagerFits(tx, managerId, employee.id);
      const previousManagerId = employee.managerId ?? null;
      if (previousManagerId === managerId) return null;
      employee.managerId = managerId;
      return (e) => managerAssigned(e, previousManagerId);
    });
  }

  /**
   * Ends the employment after its last day: at once when that day has passed on the
   * employee's calendar, else the day is recorded and the end-of-employment job ends it
   * (jobs.ts). Terminating again before then moves the day.
   */
  terminate(input: TerminateEmployeeInput): Promise<Employee> {
    assertCanManage(this.ctx.identity);
    const terminationDate = check.isoDate('terminationDate', input.terminationDate);
    return this.change(input.id, input.expectedVersion, async (_tx, employee) => {
      if (employee.status === 'TERMINATED') throw lifecycle('The employee is already terminated.');
      check.notBefore('terminationDate', terminationDate, employee.hireDate, 'the hire date');
      return lastDayPassed(employee, terminationDate, this.now())
        ? endEmployment(employee, terminationDate)
        : scheduleTermination(employee, terminationDate);
    });
  }

  /** Withdraws a scheduled termination: the person stays; refused once they are terminated. */
  withdrawTermination(input: WithdrawTerminationInput): Promise<Employee> {
    assertCanManage(this.ctx.identity);
    return this.change(input.id, input.expectedVersion, async (_tx, employee) =>
      withdrawTermination(employee),
    );
  }

  /**
   * Loads the employee inside a transaction, checks the expected version, lets
   * `decide` change it, then flushes and records the event in that transaction.
   */
  private change(
    id: string,
    expectedVersion: number | null | undefined,
    decide: (tx: EntityManager, employee: Employee) => Promise<PendingEvent | null>,
  ): Promise<Employee> {
    return this.writing(() =>
      this.ctx.em.transactional(async (tx) => {
        const employee = await tx.findOne(EmployeeSchema, id);
        if (!employee) throw employeeNotFound(id);
        checkExpectedVersion('The employee', expectedVersion, employee.version);
        const event = await decide(tx, employee);
        if (!event) return employee;
        employee.updatedAt = new Date();
        // The flush bumps the version (optimistic lock); the event carries the new one.
        await tx.flush();
        this.ctx.emit(tx, event(employee));
        return employee;
      }),
    );
  }

  private async insert(tx: EntityManager, values: NewEmployee): Promise<string> {
    if (values.managerId) await this.assertManagerFits(tx, values.managerId, null);
    await this.assertEmailFree(tx, values.email, null);
    if (values.employeeNumber) await this.assertNumberFree(tx, values.employeeNumber);
    const now = new Date();
    const employee = tx.create(EmployeeSchema, {
      ...values,
      id: uuidv7(),
      employeeNumber: values.employeeNumber ?? (await this.nextEmployeeNumber(tx)),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    tx.persist(employee);
    this.ctx.emit(tx, employeeCreated(employee));
    return employee.id;
  }

  /** The manager exists, is not terminated, and is not the employee or one of their reports. */
  private async assertManagerFits(
    tx: EntityManager,
    managerId: string,
    employeeId: string | null,
  ): Promise<void> {
    if (managerId === employeeId) throw managerCycle(managerId);
    const manager = await tx.findOne(EmployeeSchema, managerId);
    if (!manager) throw unknownManager(managerId);
    if (manager.status === 'TERMINATED') throw managerTerminated(managerId);
    if (!employeeId) return;
    // Two changes at once could each pass the check and close a loop together; take turns.
    await bumpCounter(tx, REPORTING_LINES);
    const above = (await managerChains(tx, [managerId])).get(managerId) ?? [];
    if (above.includes(employeeId)) throw managerCycle(managerId);
  }

  private async assertEmailFree(tx: EntityManager, email: string, employeeId: string | null) {
    const owner = await tx.findOne(EmployeeSchema, { emailKey: check.emailKey(email) });
    if (owner && owner.id !== employeeId) throw duplicateEmail();
  }

  private async assertNumberFree(tx: EntityManager, employeeNumber: string) {
    if (await tx.count(EmployeeSchema, { employeeNumber })) throw duplicateNumber(employeeNumber);
  }

  /** The next free `E000123`; numbers given by hand are skipped over. */
  private async nextEmployeeNumber(tx: EntityManager): Promise<string> {
    for (;;) {
      const candidate = `E${String(await bumpCounter(tx, NUMBER_COUNTER)).padStart(6, '0')}`;
      if (!(await tx.count(EmployeeSchema, { employeeNumber: candidate }))) return candidate;
    }
  }

  /** Maps what only the database sees under concurrency to the errors the checks give. */
  private async writing<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await withOptimisticLock('The employee', run);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        if (/email/i.test(error.message)) throw duplicateEmail();
        if (/employee_number/i.test(error.message)) throw duplicateNumber();
      }
      throw error;
    }
  }
}
