import fc from 'fast-check';
import type { EventEnvelope } from '../messaging';
import { createdData } from './employeeEvents';
import { foreignEvent } from './startSubgraph';

/** What an arbitrary draws: the type of one generated operation. */
export type OpOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** One employees event to generate: what happens to which of a few employees. */
export const employeeOp = fc.record({
  kind: fc.constantFrom('hired', 'renamed', 'email', 'manager', 'terminated') as fc.Arbitrary<
    'hired' | 'renamed' | 'email' | 'manager' | 'terminated'
  >,
  employee: fc.nat(9),
  other: fc.nat(9),
  /** Added to the employee's highest version so far: stale and repeated versions too. */
  bump: fc.integer({ min: -1, max: 2 }),
  value: fc.nat(2),
});
export type EmployeeOp = OpOf<typeof employeeOp>;

/**
 * Turns operations into catalogue-valid employees events about `employees` (an operation's
 * numbers wrap around them): hires at version 1, everything else at a version of its own.
 */
export function employeeEventsFor(employees: string[]): (op: EmployeeOp) => EventEnvelope {
  // A hire is version 1; what follows starts at 2.
  const nextVersion = versionsFrom<string>(2);
  return (op) => {
    const n = op.employee % employees.length;
    const employeeId = employees[n]!;
    const other = employees[op.other % employees.length]!;
    if (op.kind === 'hired')
      return foreignEvent(
        'employees.employee.created',
        createdData(employeeId, { firstName: `F${op.value}`, managerId: other }),
      );
    const base = { employeeId, employeeNumber: `E${n}-${op.value}`, version: 0 };
    base.version = nextVersion(employeeId, op.bump);
    if (op.kind === 'manager')
      return foreignEvent('employees.manager.assigned', {
        ...base,
        managerId: other,
        previousManagerId: null,
      });
    if (op.kind === 'terminated')
      return foreignEvent('employees.employee.terminated', {
        ...base,
        terminationDate: '2026-12-31',
      });
    const field = op.kind === 'renamed' ? 'lastName' : 'email';
    const value = op.kind === 'renamed' ? `L${op.value}` : `e${n}.${op.value}@example.com`;
    return foreignEvent('employees.employee.updated', {
      ...base,
      changes: { [field]: { old: null, new: value } },
    });
  };
}

/**
 * The version of a generated event about `key`: `bump` over the highest version so far, but
 * never below `first`. A bump of 0 or less repeats a version or goes back to a stale one.
 */
export function versionsFrom<K>(first: number): (key: K, bump: number) => number {
  const highest = new Map<K, number>();
  return (key, bump) => {
    const before = highest.get(key) ?? first - 1;
    const version = Math.max(first, before + bump);
    highest.set(key, Math.max(version, before));
    return version;
  };
}

/** An earlier event of the same run delivered again. */
export const repeatOp = fc.record({ kind: fc.constant('repeat' as const), of: fc.nat(40) });
export type RepeatOp = OpOf<typeof repeatOp>;

/**
 * A run of 1 to 30 operations drawn from `ops` (one named twice comes up twice as often), with
 * repeats of earlier events among them.
 */
export function opsWithRepeats<A extends fc.Arbitrary<object>[]>(
  ...ops: A
): fc.Arbitrary<(OpOf<A[number]> | RepeatOp)[]> {
  return fc.array(fc.oneof(...ops, repeatOp), { minLength: 1, maxLength: 30 }) as never;
}

/** The events of `ops` in order, `build` making each; a repeat delivers an earlier one again. */
export function eventsWithRepeats<O extends object>(
  ops: readonly (O | RepeatOp)[],
  build: (op: O) => EventEnvelope,
): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  for (const op of ops) {
    if (!('kind' in op && op.kind === 'repeat')) events.push(build(op as O));
    else if (events.length > 0) events.push(events[(op as RepeatOp).of % events.length]!);
  }
  return events;
}
