import { v7 as uuidv7 } from 'uuid';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { SubgraphMessaging } from '../../../runtime';
import {
  foreignEvent,
  startSubgraph,
  type Caller,
  type SubgraphHarness,
  hrCaller,
} from '../../../test-support/startSubgraph';
import { agreements, employeeCopyHandler } from '../src';

export { onlyError, type Caller, type GraphQLReply } from '../../../test-support/startSubgraph';

// Tests read replies field by field; a loose type keeps them short.
type Loose = any;

export const hr: Caller = hrCaller;

export interface AgreementsHarness extends SubgraphHarness {
  /** Feeds an employees event to the local-copy handler, as the consumer would. */
  employeeEvent(type: string, data: Record<string, unknown>): Promise<void>;
  /** Makes an employee known here (an `employees.employee.created`); returns its id. */
  knownEmployee(employeeNumber: string, managerId?: string | null): Promise<string>;
  /** Creates an agreement as HR and returns the reply's agreement. */
  create(input: Record<string, unknown>): Promise<Record<string, Loose>>;
  /** Agreements, versions and outbox: equal before and after means nothing was written. */
  snapshot(): Promise<unknown>;
}

/** A valid create input for an agreement year. */
export function agreementInput(
  employeeId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    employeeId,
    agreementType: 'AHA',
    startDate: '2025-04-01',
    endDate: '2026-03-31',
    fte: 0.8,
    termsAndConditions: 'MODERNISED',
    salaryBasis: 'LONDON',
    weeklyHours: 30,
    workingDays: ['MON', 'TUE', 'WED', 'THU'],
    annualLeaveDays: 27,
    targets: [
      { accrualType: 'ANNUAL_TARGET_HOURS', total: 1252.5 },
      { accrualType: 'NIGHT_HOURS', total: 100 },
      { accrualType: 'ON_CALL_WEEKDAY', total: 12 },
    ],
    ...overrides,
  };
}

export const CREATE = `mutation Create($input: CreateAgreementInput!) {
  createAgreement(input: $input) { id version employeeId fte startDate endDate effectiveFrom
    weeklyHours workingDays annualLeaveDays targets { accrualType total } }
}`;

export async function startAgreements(messaging?: SubgraphMessaging): Promise<AgreementsHarness> {
  const h = await startSubgraph(agreements, { messaging, defaultCaller: hr });
  const table = (name: string) => (h.db.url ? `"agreements"."${name}"` : `"${name}"`);
  const select = (name: string) =>
    (h.runtime.orm.em.getConnection() as AbstractSqlConnection).execute(
      `select * from ${table(name)} order by id`,
    );
  const employeeEvent: AgreementsHarness['employeeEvent'] = (type, data) =>
    h.transaction((em) =>
      employeeCopyHandler.handle(foreignEvent(type, data) as never, { em, emit: () => undefined }),
    );

  return {
    ...h,
    employeeEvent,
    async knownEmployee(employeeNumber, managerId = null) {
      const employeeId = uuidv7();
      await employeeEvent('employees.employee.created', {
        employeeId,
        employeeNumber,
        version: 1,
        managerId,
      });
      return employeeId;
    },
    async create(input) {
      const reply = await h.gql(CREATE, { input });
      if (reply.errors) throw new Error(`createAgreement failed: ${JSON.stringify(reply.errors)}`);
      return reply.data!.createAgreement;
    },
    snapshot: async () => ({
      agreements: await select('agreements'),
      versions: await select('agreement_versions'),
      events: await h.events(),
    }),
  };
}
