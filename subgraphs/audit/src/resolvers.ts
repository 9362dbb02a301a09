import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import { verifyChain } from './AuditLog';
import { deadLetter, deadLetters, discard, replay } from './deadLetters';
import { requireAdmin, requireAuditor, requirePurger } from './permissions';
import { listEntries, parseDateTime, readRange, type AuditFilter } from './queries';
import { purgeEntries } from './retention';
import { DateTimeScalar, JSONScalar } from './scalars';

type Context = SubgraphContext;

interface FilterInput {
  actorId?: string | null;
  logType?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  correlationId?: string | null;
  from?: unknown;
  to?: unknown;
}

interface PageArgs {
  first: number;
  after?: string | null;
}

function readFilter(input: FilterInput | null | undefined): AuditFilter {
  const { from: _from, to: _to, ...text } = input ?? {};
  const filter: AuditFilter = readRange(input ?? {}, 'filter.');
  for (const [key, value] of Object.entries(text)) {
    if (value != null) filter[key as keyof typeof text] = value;
  }
  return filter;
}

export const resolvers: GraphQLResolverMap<Context> = {
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: {
    auditLogs: (_root, args: PageArgs & { filter?: FilterInput }, ctx: Context) => {
      requireAuditor(ctx);
      return listEntries(ctx.em, readFilter(args.filter), args);
    },
    verifyAuditChain: (_root, args: { from?: unknown; to?: unknown }, ctx: Context) => {
      requireAuditor(ctx);
      return verifyChain(ctx.em, readRange(args));
    },
    deadLetters: (_root, args: Parameters<typeof deadLetters>[0], ctx: Context) => {
      requireAdmin(ctx);
      return deadLetters(args, ctx);
    },
    deadLetter: (_root, args: { id: string }, ctx: Context) => {
      requireAdmin(ctx);
      return deadLetter(args, ctx);
    },
  },
  Mutation: {
    purgeAuditLog: async (_root, args: { input: { before: unknown } }, ctx: Context) => {
      requirePurger(ctx);
      const before = parseDateTime(args.input.before, 'input.before');
      return purgeEntries(ctx.em, { before, field: 'input.before', emit: ctx.emit });
    },
    replayDeadLetter: (_root, args: Parameters<typeof replay>[0], ctx: Context) => {
      requireAdmin(ctx);
      return replay(args, ctx);
    },
    discardDeadLetter: (_root, args: Parameters<typeof discard>[0], ctx: Context) => {
      requireAdmin(ctx);
      return discard(args, ctx);
    },
  },
  Employee: {
    __resolveReference: (reference: { id: string }, ctx: Context) => {
      requireAuditor(ctx);
      return { id: reference.id };
    },
    auditTrail: (employee: { id: string }, args: PageArgs, ctx: Context) => {
      requireAuditor(ctx);
      return listEntries(ctx.em, { entityType: 'employee', entityId: employee.id }, args);
    },
  },
};
