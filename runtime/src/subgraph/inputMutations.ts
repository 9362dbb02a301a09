/** The names of a service's methods that take one argument (a mutation's `input`). */
type InputMethod<S> = {
  [K in keyof S]: S[K] extends (input: never) => unknown ? K : never;
}[keyof S];

/** A mutation resolver: the field's `input` argument for the request's context. */
type InputResolver<C> = (root: unknown, args: { input: unknown }, ctx: C) => unknown;

/**
 * Mutation resolvers that each hand their `input` to a method of the request's service
 * (`{ recordTimeEntry: 'record' }`): the service checks who may and the input itself.
 */
export function inputMutations<C, S>(
  service: (ctx: C) => S,
  methods: Record<string, InputMethod<S>>,
): Record<string, InputResolver<C>> {
  const resolverOf =
    (method: InputMethod<S>): InputResolver<C> =>
    (_root, args, ctx) => {
      const target = service(ctx);
      return (target[method] as (input: unknown) => unknown).call(target, args.input);
    };
  return Object.fromEntries(
    Object.entries(methods).map(([field, method]) => [field, resolverOf(method)]),
  );
}
