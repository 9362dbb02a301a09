import { v7 as uuidv7 } from 'uuid';
import { createEvent, type EventEnvelope, loadCatalogue } from '../../../messaging';
import { createdData } from '../../../test-support/employeeEvents';
import {
  startSubgraph,
  type SubgraphHarness,
  asHandled,
} from '../../../test-support/startSubgraph';
import { applyEvent, createAccruals, type AccrualsDraft } from '../src';
import { employeeEntityQuery } from '../../../test-support/employeeEntityQuery';
import { entryData, entryPeriod, type EntryFields } from '../../../test-support/timeEntryEvents';

export type { EntryFields };

export type { Caller } from '../../../test-support/startSubgraph';

const catalogue = loadCatalogue();

export interface AccrualsHarness extends SubgraphHarness {
  /** Applies a catalogue-valid event in one transaction, as the consumer does. */
  apply(event: EventEnvelope): Promise<void>;
  /** Every event applying events emitted so far, validated against the catalogue. */
  emitted: EventEnvelope[];
  /** The events applying emitted while `run` ran. */
  emittedBy(run: () => Promise<unknown>): Promise<EventEnvelope[]>;
  /** The clock balances' status is checked by; null is the real one. */
  clock: { now: Date | null };
}

export async function startAccruals(options: { now?: Date } = {}): Promise<AccrualsHarness> {
  const clock = { now: options.now ?? null };
  const now = () => clock.now ?? new Date();
  // Tests run the daily job themselves, on their own clock.
  const h = await startSubgraph(createAccruals({ now }), { runWorkers: false });
  const emitted: EventEnvelope[] = [];
  return {
    ...h,
    emitted,
    clock,
    async emittedBy(run) {
      const before = emitted.length;
      await run();
      return emitted.slice(before);
    },
    async apply(event) {
      catalogue.validate(event);
      const drafts: AccrualsDraft[] = [];
      await h.transaction((em) =>
        applyEvent(em, asHandled(event) as never, (draft) => drafts.push(draft), now()),
      );
      for (const draft of drafts)
        emitted.push(
          catalogue.validate(
            createEvent(draft, {
              source: '/subgraphs/accruals',
              correlationId: event.correlationid,
              causationId: event.id,
            }),
          ),
        );
    },
  };
}

const source = (type: string) => `/subgraphs/${type.split('.')[0]}`;

export const event = (
  type: string,
  subject: string,
  data: Record<string, unknown>,
  correlationId: string = uuidv7(),
) => createEvent({ type, subject, data }, { source: source(type), correlationId });

export const employeeCreated = (id: string, overrides: Record<string, unknown> = {}) =>
  event('employees.employee.created', id, createdData(id, overrides));

export interface Amount {
  accrualType: string;
  total: number;
}

export function agreementEvent(
  employeeId: string,
  options: {
    agreementId?: string;
    version?: number;
    type?: 'created' | 'amended' | 'ended';
    startDate?: string;
    endDate?: string;
    targets?: Amount[];
    openingBalances?: Amount[];
    correlationId?: string;
  } = {},
) {
  const agreementId = options.agreementId ?? uuidv7();
  const correlationId = options.correlationId ?? uuidv7();
  const startDate = options.startDate ?? '2025-04-01';
  return event(
    `agreements.agreement.${options.type ?? 'created'}`,
    agreementId,
    {
      agreementId,
      employeeId,
      version: options.version ?? 1,
      effectiveFrom: startDate,
      agreementType: 'AHA',
      startDate,
      endDate: options.endDate ?? '2026-03-31',
      fte: 1,
      targets: options.targets ?? [
        { accrualType: 'ANNUAL_TARGET_HOURS', total: 1950 },
        { accrualType: 'NIGHT_HOURS', total: 100 },
        { accrualType: 'WEEKEND_HOURS', total: 100 },
        { accrualType: 'PUBLIC_HOLIDAY_HOURS', total: 20 },
        { accrualType: 'ON_CALL_WEEKDAY', total: 10 },
        { accrualType: 'ON_CALL_WEEKEND', total: 5 },
        { accrualType: 'ON_CALL_PUBLIC_HOLIDAY', total: 2 },
      ],
      openingBalances: options.openingBalances ?? [],
      correlationId,
      ...(options.type === 'ended' && { previousEndDate: '2026-03-31' }),
    },
    correlationId,
  );
}

export function entryEvent(
  kind: 'recorded' | 'amended' | 'deleted',
  fields: EntryFields,
  correlationId: string = uuidv7(),
) {
  const extra =
    kind === 'amended'
      ? { previous: entryPeriod(fields) }
      : kind === 'deleted'
        ? { deletedAt: new Date().toISOString() }
        : {};
  const data = { ...entryData(fields), ...extra };
  return event(`time.entry.${kind}`, fields.entryId, data, correlationId);
}

export const DAYS = employeeEntityQuery(
  '$type: AccrualType!, $from: Date!, $to: Date!',
  `accrualDays(type: $type, from: $from, to: $to) { date dayTotal cumulativeTotal }
  unassignedAccrualEntries`,
);

export const SUMMARY = employeeEntityQuery(
  '$on: Date!',
  `accruals(on: $on) {
    accrualType measurementUnit target worked remaining expectedToDate status
    agreement { id startDate endDate }
  }`,
);
