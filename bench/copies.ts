import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { SubgraphModule } from '../runtime';
import { createAccounts } from '../subgraphs/accounts/src';
import { AccountSchema } from '../subgraphs/accounts/src/entities';
import { createAgreements } from '../subgraphs/agreements/src';
import { KnownEmployeeSchema } from '../subgraphs/agreements/src/entities';
import { createCompliance } from '../subgraphs/compliance/src';
import {
  DepartmentRuleSchema,
  TrainingAssignmentSchema,
  TrainingCourseSchema,
} from '../subgraphs/compliance/src/training/entities';
import { createNotifications } from '../subgraphs/notifications/src';
import { NotificationSchema } from '../subgraphs/notifications/src/entities';
import { createTime } from '../subgraphs/time/src';
import { EmployeeCopySchema as TimeCopy } from '../subgraphs/time/src/entities';
import { createdData } from '../test-support/employeeEvents';
import { catchUpOnHires } from './lib/catchUpOnHires';
import { backlogPaths, batchGainLine } from './lib/backlogPaths';
import { databaseKnob } from './lib/databaseKnob';
import { measureWithNats, runBench } from './lib/runBench';

/**
 * `npm run bench:copies`: how fast a subgraph's copy of employees catches up on a backlog.
 * Publishes EVENTS (10000) `employees.employee.created` events into a fresh namespace, then
 * starts SUBGRAPH on a fresh database and times until its copy holds every employee (from the
 * subgraph's start, and the rate from the first copy on). Twice, side by side: with the
 * consumer's batch path, and one event at a time (the batch path taken away). SUBGRAPH:
 * - time (default): the kit's set-wise copy consumer that time, leave, attendance and
 *   compliance share;
 * - notifications: a copy and a notification to the hire's manager per hire (timed until every
 *   notification is stored);
 * - agreements: its own copy (number, manager, terminated), read and flushed once per batch;
 * - compliance: its copy and, the hires' department having a training rule, an assignment of
 *   the rule's course per hire (timed until every assignment is stored);
 * - accounts: a copy, an account and an invitation link per hire (timed until every account
 *   is stored).
 * Knobs: EVENTS, SUBGRAPH, DATABASE (sqlite, or postgres: a fresh database on TEST_PG_URL),
 * TEST_NATS_URL, PATHS=batch (the batch path alone).
 */
const EVENTS = Number(process.env.EVENTS ?? 10_000);
const MANAGERS = Array.from({ length: 50 }, () => uuidv7());

/** Compliance with a course given by rule to the department every hire joins. */
function complianceWithRule(): SubgraphModule<unknown> {
  const module = createCompliance() as unknown as SubgraphModule<unknown>;
  const at = new Date();
  const course = { id: uuidv7(), code: 'IG', title: 'Information governance', version: 1 };
  const department = createdData(uuidv7()).department;
  return {
    ...module,
    async onStart(ctx) {
      await module.onStart?.(ctx);
      await ctx.em.fork().transactional(async (em) => {
        em.create(TrainingCourseSchema, { ...course, createdAt: at, updatedAt: at });
        em.create(DepartmentRuleSchema, {
          id: uuidv7(),
          courseId: course.id,
          department,
          dueDate: '2099-12-31',
          leadDays: 30,
          createdAt: at,
          createdBy: 'bench',
        });
      });
    },
  };
}

/** Each subgraph's module (its loaders' type matters to no one here) and its copy's size. */
const SUBGRAPHS = {
  time: { module: createTime, count: (em: EntityManager) => em.count(TimeCopy, {}) },
  // Each hire tells one of 50 managers: a copy and a notification per event.
  notifications: {
    module: createNotifications,
    count: (em: EntityManager) => em.count(NotificationSchema, {}),
    hireData: () => ({ managerId: MANAGERS[Math.floor(Math.random() * MANAGERS.length)] }),
  },
  agreements: {
    module: createAgreements,
    count: (em: EntityManager) => em.count(KnownEmployeeSchema, {}),
  },
  compliance: {
    module: complianceWithRule,
    count: (em: EntityManager) => em.count(TrainingAssignmentSchema, {}),
  },
  accounts: { module: createAccounts, count: (em: EntityManager) => em.count(AccountSchema, {}) },
} as const;

function subgraphKnob() {
  const name = process.env.SUBGRAPH ?? 'time';
  if (!(name in SUBGRAPHS))
    throw new Error(`SUBGRAPH: one of ${Object.keys(SUBGRAPHS).join(', ')}`);
  const subgraph: {
    hireData?: () => Record<string, unknown>;
  } & (typeof SUBGRAPHS)[keyof typeof SUBGRAPHS] = SUBGRAPHS[name as keyof typeof SUBGRAPHS];
  const { module, count, hireData } = subgraph;
  return { name, module: () => module() as unknown as SubgraphModule<unknown>, count, hireData };
}

async function main(): Promise<void> {
  const database = databaseKnob('sqlite');
  const subgraph = subgraphKnob();
  await measureWithNats('bench-copies', async (nats) => {
    const lines = [
      `database: ${database}; ${subgraph.name}'s copy of employees; backlog of ${EVENTS} hires`,
    ];
    const rates: number[] = [];
    for (const [name, module] of backlogPaths(subgraph.module)) {
      const { count, hireData } = subgraph;
      const run = await catchUpOnHires(nats, module, { hires: EVENTS, count, hireData });
      rates.push(run.rate);
      lines.push(
        `${name}: caught up ${run.seconds.toFixed(1)} s after the start, ` +
          `${run.rate.toFixed(0)} events/s from the first copy, ` +
          `${run.statementsPerEvent.toFixed(2)} SQL statements per event`,
      );
    }
    return [...lines, ...batchGainLine(rates)];
  });
}

runBench(main);
