import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTimeScalar, pageSize, type SubgraphContext } from '../../../runtime';
import { AuditService } from './AuditService';
import { readFilter, readRange, type FilterInput } from './inputs';
import { JSONScalar } from './JSONScalar';
import { assertAuditor, assertDeadLetterAdmin, assertPurger } from './permissions';
import { deadLetter, deadLetters, listEntries } from './queries';
import type { Retention } from './retention';
import { verifyChain } from './verifyChain';

type Context = SubgraphContext;

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

interface DeadLetterArgs extends PageArgs {
  consumer?: string | null;
  type?: string | null;
}

/** An actor that is an employee: their id; services are `service:<name>`. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optional = (value: string | null | undefined) => value ?? undefined;

/** The resolvers, on the module's retention rules. */
export function createResolvers(retention: Retention): GraphQLResolverMap<Context> {
  const service = (ctx: Context) => new AuditService(ctx, retention);
  return {
    DateTime: DateTimeScalar,
    JSON: JSONScalar,
    Query: {
      auditLogs: (_root, args: PageArgs & { filter?: FilterInput }, ctx: Context) => {
        assertAuditor(ctx.identity);
        const size = pageSize(args.first);
        return listEntries(ctx.em, readFilter(args.filter), size, args.after);
      },
      verifyAuditChain: (_root, args: { from?: unknown; to?: unknown }, ctx: Context) => {
        assertAuditor(ctx.identity);
        return verifyChain(ctx.em, readRange(args));
      },
      deadLetters: (_root, args: DeadLetterArgs, ctx: Context) => {
        assertDeadLetterAdmin(ctx.identity);
        return deadLetters(ctx, {
          // As given: messaging checks the page size (a null included) against its own bounds.
          first: args.first as number | undefined,
          after: optional(args.after),
          consumer: optional(args.consumer),
          type: optional(args.type),
        });
      },
      deadLetter: (_root, args: { id: string }, ctx: Context) => {
        assertDeadLetterAdmin(ctx.identity);
        return deadLetter(ctx, args.id);
      },
    },
    Mutation: {
      purgeAuditLog: (_root, args: { input: { before: unknown } }, ctx: Context) => {
        assertPurger(ctx.identity);
        return service(ctx).purgeLog(args.input);
      },
      replayDeadLetter: (_root, args: { input: { id: string } }, ctx: Context) => {
        assertDeadLetterAdmin(ctx.identity);
        return service(ctx).replayDeadLetter(args.input);
      },
      discardDeadLetter: (_root, args: { input: { id: string; reason: string } }, ctx: Context) => {
        assertDeadLetterAdmin(ctx.identity);
        return service(ctx).discardDeadLetter(args.input);
      },
    },
    AuditLogEntry: {
      actor: (entry: { actorId: string | null }) =>
        entry.actorId && UUID.test(entry.actorId) ? { id: entry.actorId } : null,
    },
    Employee: {
      __resolveReference: (reference: { id: string }, ctx: Context) => {
        assertAuditor(ctx.identity);
        return { id: reference.id };
      },
      auditTrail: (employee: { id: string }, args: PageArgs, ctx: Context) => {
        assertAuditor(ctx.identity);
        const filter = { entityType: 'employee', entityId: employee.id };
        return listEntries(ctx.em, filter, pageSize(args.first), args.after);
      },
    },
  };
}
