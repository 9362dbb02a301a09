import type { ComplianceContext } from './resolvers';
import type { ComplianceSettings } from './settings';

/** A write of compliance's: it checks who may and the input itself. */
type Command<I> = (ctx: ComplianceContext, settings: ComplianceSettings, input: I) => unknown;

/** A mutation resolver: the field's `input` argument for the request's context. */
type CommandResolver = (root: unknown, args: { input: never }, ctx: ComplianceContext) => unknown;

/**
 * Mutation resolvers that each hand their `input` to a command, with the module's settings
 * (`{ createTrainingCourse: createCourse }`).
 */
export function commandMutations(
  settings: ComplianceSettings,
  commands: Record<string, Command<never>>,
): Record<string, CommandResolver> {
  return Object.fromEntries(
    Object.entries(commands).map(([field, command]): [string, CommandResolver] => [
      field,
      (_root, args, ctx) => command(ctx, settings, args.input),
    ]),
  );
}
