import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, OutboxEntry } from '../../../messaging';
import { createdData } from '../../../test-support/employeeEvents';
import {
  eventsWithRepeats,
  opsWithRepeats,
  repeatOp,
  type OpOf,
} from '../../../test-support/employeeEventOps';
import { describeBatchPath, type Fed } from '../../../test-support/sameEffectInBatches';
import { foreignEvent } from '../../../test-support/startSubgraph';
import { complianceSettings } from '../src/settings';
import { departmentJoinerHandler } from '../src/training/departments';
import {
  DepartmentRuleSchema,
  TrainingAssignmentSchema,
  TrainingCourseSchema,
} from '../src/training/entities';
import { NOW, startCompliance } from './support';

/** Two courses given to joiners and a retired one, the same in both harnesses. */
const COURSES = [
  { id: uuidv7(), code: 'IG', retired: false },
  { id: uuidv7(), code: 'FIRE', retired: false },
  { id: uuidv7(), code: 'OLD', retired: true },
];
const [IG, FIRE, OLD] = COURSES.map((c) => c.id) as [string, string, string];

/**
 * Rules whose due dates differ, so that a move between departments can bring an assignment
 * forward: Wards' IG date has passed (joiners get 30 days), Lab's is sooner; department
 * names match without regard to case.
 */
const RULES = [
  { courseId: IG, department: 'Wards', dueDate: '2025-10-01', leadDays: 30 },
  { courseId: FIRE, department: 'wards', dueDate: '2026-01-15', leadDays: 10 },
  { courseId: IG, department: 'Lab', dueDate: '2025-11-20', leadDays: 5 },
  { courseId: OLD, department: 'Lab', dueDate: '2025-11-10', leadDays: 5 },
  { courseId: FIRE, department: 'Lab', dueDate: '2025-12-24', leadDays: 5 },
].map((rule) => ({ id: uuidv7(), ...rule, createdAt: NOW, createdBy: 'hr' }));

/** Someone compliance's copy says has left: a move of theirs assigns nothing. */
const LEAVER = uuidv7();

async function start() {
  const h = await startCompliance();
  await h.transaction(async (em) => {
    for (const c of COURSES)
      em.create(TrainingCourseSchema, {
        ...c,
        title: c.code,
        version: 1,
        createdAt: NOW,
        updatedAt: NOW,
      });
    for (const rule of RULES) em.create(DepartmentRuleSchema, rule);
  });
  await h.employeeEvent(
    'employees.employee.created',
    createdData(LEAVER, { department: 'Lab', status: 'TERMINATED' }),
  );
  return h;
}

/** Null: a move out of any department (a hire always names one). */
const DEPARTMENTS = ['Wards', 'WARDS', 'Lab', 'Radiology', null] as const;

const joinOp = fc.record({
  kind: fc.constantFrom('hired', 'moved', 'renamed') as fc.Arbitrary<'hired' | 'moved' | 'renamed'>,
  /** The last employee is the leaver. */
  employee: fc.nat(3),
  department: fc.nat(DEPARTMENTS.length - 1),
  terminated: fc.boolean(),
});
type JoinOp = OpOf<typeof joinOp>;

/** Hires into, and moves between, departments of three fresh employees and the leaver. */
function eventsOf(employees: string[]) {
  const version = new Map<string, number>();
  return (op: JoinOp): EventEnvelope => {
    const employeeId = employees[op.employee]!;
    const department = DEPARTMENTS[op.department]!;
    if (op.kind === 'hired')
      return foreignEvent(
        'employees.employee.created',
        createdData(employeeId, {
          department: department ?? 'Radiology',
          status: op.terminated ? 'TERMINATED' : 'ACTIVE',
        }),
      );
    version.set(employeeId, (version.get(employeeId) ?? 1) + 1);
    const changes =
      op.kind === 'moved'
        ? { department: { old: null, new: department } }
        : { lastName: { old: null, new: `L${op.department}` } };
    return foreignEvent('employees.employee.updated', {
      employeeId,
      employeeNumber: 'E1',
      version: version.get(employeeId),
      changes,
    });
  };
}

/** The run's assignments without their ids, and the assignment events in the order emitted. */
async function stateOf(h: Fed, employees: string[]) {
  const em = h.runtime.orm.em.fork();
  const rows = await em.find(
    TrainingAssignmentSchema,
    { employeeId: { $in: employees } },
    { orderBy: { employeeId: 'asc', courseId: 'asc' } },
  );
  const assigned = (await em.find(OutboxEntry, { type: 'compliance.training.assigned' }))
    .map((row) => JSON.parse(row.payload) as EventEnvelope<{ employeeId: string }>)
    .filter((e) => employees.includes(e.data.employeeId))
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    assignments: rows.map(({ id: _id, ...rest }) => rest),
    assigned: assigned.map((e) => ({
      cause: e.causationid,
      data: { ...e.data, assignmentId: null },
    })),
  };
}

const scenario = opsWithRepeats(joinOp, repeatOp).map((ops) => {
  const employees = [uuidv7(), uuidv7(), uuidv7(), LEAVER];
  const events = eventsWithRepeats(ops, eventsOf(employees));
  return { events, stateOf: (h: Fed) => stateOf(h, employees) };
});

describeBatchPath("compliance's training of department joiners", {
  start,
  handler: () => departmentJoinerHandler(complianceSettings({ now: () => NOW })),
  scenario,
});
