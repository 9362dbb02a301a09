import {
  POLICY_KINDS,
  SINGLE_KEY,
  keysOf,
  type PolicyKind,
} from '../../../../runtime/src/policies';
import type { ComplianceContext, ComplianceDeps, ComplianceResolvers } from '../context';
import { invalid } from '../errors';
import { assertNotPartner } from '../permissions';
import { assertReadsHistory } from './assertReadsHistory';
import { parseInstant } from './parseInstant';
import { inForceAt, readHistories, readHistory } from './policyHistory';
import { toPolicyView } from './policyView';
import type { PolicyChangeInput } from './readPolicyChange';
import { updatePolicy } from './updatePolicy';

interface PoliciesArgs {
  kind?: PolicyKind | null;
  at?: string | null;
}

interface HistoryArgs {
  kind: PolicyKind;
  key?: string | null;
}

/** The policies' queries and their one mutation. */
export const policyResolvers = (deps: ComplianceDeps): ComplianceResolvers => ({
  Query: {
    async compliancePolicies(_root: unknown, args: PoliciesArgs, ctx: ComplianceContext) {
      assertNotPartner(ctx.identity, 'policies');
      const now = deps.now();
      const at = args.at == null ? now : parseInstant(args.at, 'at');
      const histories = await readHistories(ctx.em, args.kind ? [args.kind] : POLICY_KINDS);
      return histories.map((history) =>
        toPolicyView(inForceAt(history, at), inForceAt(history, now).version),
      );
    },
    async compliancePolicyHistory(_root: unknown, args: HistoryArgs, ctx: ComplianceContext) {
      assertReadsHistory(ctx.identity);
      const key = args.key ?? SINGLE_KEY;
      if (!keysOf(args.kind).includes(key))
        throw invalid(
          'key',
          `A ${args.kind} policy's key is one of ${keysOf(args.kind).join(', ')}.`,
        );
      const history = await readHistory(ctx.em, args.kind, key);
      const inForce = inForceAt(history, deps.now()).version;
      return history.map((record) => toPolicyView(record, inForce));
    },
  },
  Mutation: {
    updateCompliancePolicy: (
      _root: unknown,
      args: { input: PolicyChangeInput },
      ctx: ComplianceContext,
    ) => updatePolicy(ctx, deps, args.input),
  },
});
