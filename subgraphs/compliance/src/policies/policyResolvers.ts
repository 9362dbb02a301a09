import { POLICY_KINDS, type PolicyKind } from '../../../../runtime';
import type { ComplianceContext, ComplianceResolvers } from '../resolvers';
import type { ComplianceSettings } from '../settings';
import { assertNotPartner, assertReadsHistory } from '../permissions';
import { parseInstant } from './parseInstant';
import { inForceAt, readHistories, readHistory } from './policyHistory';
import { toPolicyView } from './policyView';
import { commandMutations } from '../commandMutations';
import { policyKey } from './readPolicyChange';
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
export const policyResolvers = (settings: ComplianceSettings): ComplianceResolvers => ({
  Query: {
    async compliancePolicies(_root: unknown, args: PoliciesArgs, ctx: ComplianceContext) {
      assertNotPartner(ctx.identity, 'policies');
      const now = settings.now();
      const at = args.at == null ? now : parseInstant(args.at, 'at');
      const histories = await readHistories(ctx.em, args.kind ? [args.kind] : POLICY_KINDS);
      return histories.map((history) =>
        toPolicyView(inForceAt(history, at), inForceAt(history, now).version),
      );
    },
    async compliancePolicyHistory(_root: unknown, args: HistoryArgs, ctx: ComplianceContext) {
      assertReadsHistory(ctx.identity);
      const key = policyKey(args.kind, args.key, 'key');
      const history = await readHistory(ctx.em, args.kind, key);
      const inForce = inForceAt(history, settings.now()).version;
      return history.map((record) => toPolicyView(record, inForce));
    },
  },
  Mutation: commandMutations(settings, { updateCompliancePolicy: updatePolicy }),
});
