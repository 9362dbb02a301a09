import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import {
  eventsWithRepeats,
  opsWithRepeats,
  versionsFrom,
} from '../../../test-support/employeeEventOps';
import { describeBatchPath, rowsOf } from '../../../test-support/sameEffectInBatches';
import { foreignEvent } from '../../../test-support/startSubgraph';
import { AgreementCopySchema } from '../src/entities';
import { agreementCopyHandler } from '../src/handlers';
import { agreementData, startLeave } from './support';

/** One agreements event about one of three agreements of two employees. */
const agreementOp = fc.record({
  kind: fc.constantFrom('created', 'amended', 'ended') as fc.Arbitrary<
    'created' | 'amended' | 'ended'
  >,
  agreement: fc.nat(2),
  /** Added to the agreement's highest version so far: stale and repeated versions too. */
  bump: fc.integer({ min: -1, max: 2 }),
  fte: fc.constantFrom(0.6, 0.8, 1),
  annualLeaveDays: fc.option(fc.constantFrom(25, 27.5), { nil: undefined }),
  workingDays: fc.constantFrom([], ['MON', 'TUE', 'WED']),
});

/** Any agreements events, repeats and stale versions among them, about fresh agreements. */
const scenario = opsWithRepeats(agreementOp, agreementOp).map((ops) => {
  const employees = [uuidv7(), uuidv7()];
  const agreements = Array.from({ length: 3 }, (_, n) => agreementData(employees[n % 2]!));
  const nextVersion = versionsFrom<number>(1);
  const events = eventsWithRepeats(ops, (op) => {
    const version = nextVersion(op.agreement, op.bump);
    const { kind, fte, annualLeaveDays, workingDays } = op;
    const data = { ...agreements[op.agreement]!, version, fte, annualLeaveDays, workingDays };
    const ended = kind === 'ended' && { endDate: '2026-01-31', previousEndDate: '2026-03-31' };
    return foreignEvent(`agreements.agreement.${kind}`, { ...data, ...ended });
  });
  return { events, stateOf: rowsOf(AgreementCopySchema, { employeeId: { $in: employees } }) };
});

describeBatchPath("leave's copy of agreements", {
  start: () => startLeave(),
  handler: () => agreementCopyHandler,
  scenario,
});
