import { UniqueConstraintViolationException, type EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { AskOwner } from '../ownerRequests';
import { EMPLOYEE_LOOKED_UP, type EmployeeEventData } from './employeeEvents';
import { lookUpEmployee, lookUpEmployeeByNumber, type LookedUpEmployee } from './employeeLookup';
import { updateEmployeeCopy, type CopyKeeping } from './updateEmployeeCopy';

/** How a subgraph's copy tells whether it holds an employee, and takes in what it learns. */
export interface EmployeeKnowing {
  has(em: EntityManager, employeeId: string): Promise<boolean>;
  /** Applies an employees event, or a looked-up record (type `EMPLOYEE_LOOKED_UP`). */
  apply(em: EntityManager, event: { type: string; data: EmployeeEventData }): Promise<unknown>;
}

/** `EmployeeKnowing` for a copy kept by `updateEmployeeCopy`. */
export function copyKnowing<T extends { id: string; version: number }>(
  keeping: CopyKeeping<T>,
): EmployeeKnowing {
  const schema: EntitySchema<T> = keeping.schema;
  return {
    has: async (em, employeeId) => (await em.count(schema, { id: employeeId } as object)) > 0,
    apply: (em, event) => updateEmployeeCopy(em, event, keeping),
  };
}

/**
 * Makes sure the copy holds `employeeId` before a write that needs them: when it does
 * not yet (the created event is still on its way), asks employees once and keeps the
 * answer in the copy at the employee's version, so the event confirms it later and an
 * older one changes nothing. False when employees says there is nobody of that id;
 * UNAVAILABLE (retry) when it cannot be asked. Call it outside the write's transaction.
 */
export async function knowEmployee(
  ctx: { em: EntityManager; askOwner: AskOwner },
  employeeId: string,
  knowing: EmployeeKnowing,
): Promise<boolean> {
  // Writes about the same person at once share one look at the copy, one question and
  // one row. The look is shared too: a look begun before the row's commit and ended
  // after the question was done would otherwise ask again.
  const learning = learningOf(knowing, ctx.askOwner);
  let known = learning.get(employeeId);
  if (!known) {
    known = learn(ctx, employeeId, knowing).finally(() => learning.delete(employeeId));
    learning.set(employeeId, known);
  }
  return known;
}

/**
 * People being learnt, per copy and per runtime (each runtime has its own `askOwner`
 * and database), so two platforms in one process never share an answer.
 */
const inFlight = new WeakMap<EmployeeKnowing, WeakMap<AskOwner, Map<string, Promise<boolean>>>>();

function learningOf(knowing: EmployeeKnowing, askOwner: AskOwner): Map<string, Promise<boolean>> {
  let byRuntime = inFlight.get(knowing);
  if (!byRuntime) inFlight.set(knowing, (byRuntime = new WeakMap()));
  let learning = byRuntime.get(askOwner);
  if (!learning) byRuntime.set(askOwner, (learning = new Map()));
  return learning;
}

/** True when the copy holds them, or once it keeps what employees answers about them. */
async function learn(
  ctx: { em: EntityManager; askOwner: AskOwner },
  employeeId: string,
  knowing: EmployeeKnowing,
): Promise<boolean> {
  if (await knowing.has(ctx.em.fork(), employeeId)) return true;
  const employee = await lookUpEmployee(ctx.askOwner, employeeId);
  if (!employee) return false;
  await keepLookedUp(ctx.em, employee, knowing);
  return true;
}

/**
 * Keeps in the copy the employee who holds `employeeNumber` now, as employees answers, for a
 * write that names people by number (an import); false when nobody holds it (or, without
 * NATS, nobody can be asked). UNAVAILABLE when employees cannot be asked. Call it outside the
 * write's transaction.
 */
export async function knowEmployeeByNumber(
  ctx: { em: EntityManager; askOwner: AskOwner },
  employeeNumber: string,
  knowing: EmployeeKnowing,
): Promise<boolean> {
  const employee = await lookUpEmployeeByNumber(ctx.askOwner, employeeNumber);
  if (!employee) return false;
  await keepLookedUp(ctx.em, employee, knowing);
  return true;
}

async function keepLookedUp(
  em: EntityManager,
  employee: LookedUpEmployee,
  knowing: EmployeeKnowing,
) {
  const event = { type: EMPLOYEE_LOOKED_UP, data: employee };
  try {
    await em.fork().transactional((tx) => knowing.apply(tx, event));
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    // The event, or a request about the same person, made the row first: apply again
    // over it, where the version decides.
    await em.fork().transactional((tx) => knowing.apply(tx, event));
  }
}
