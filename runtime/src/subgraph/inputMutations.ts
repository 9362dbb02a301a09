/** The names of a service's methods that take one argument (a mutation's `input`, an `id`). */
type InputMethod<S> = {
  [K in keyof S]: S[K] extends (input: never) => unknown ? K : never;
}[keyof S];

/** A resolver of a field whose one argument `name` goes to the request's service. */
type ArgumentResolver<C, A extends string> = (
  root: unknown,
  args: Record<A, unknown>,
  ctx: C,
) => unknown;

/** Resolvers that each hand the field's argument `name` to a method of the request's service. */
function argumentResolvers<C, S, A extends string>(
  name: A,
  service: (ctx: C) => S,
  methods: Record<string, InputMethod<S>>,
): Record<string, ArgumentResolver<C, A>> {
  const resolverOf =
    (method: InputMethod<S>): ArgumentResolver<C, A> =>
    (_root, args, ctx) => {
      const target = service(ctx);
      return (target[method] as (argument: unknown) => unknown).call(target, args[name]);
    };
  return Object.fromEntries(
    Object.entries(methods).map(([field, method]) => [field, resolverOf(method)]),
  );
}

/**
 * Mutation resolvers that each hand their `input` to a method of the request's service
 * (`{ recordTimeEntry: 'record' }`): the service checks who may and the input itself.
 */
export function inputMutations<C, S>(
  service: (ctx: C) => S,
  methods: Record<string, InputMethod<S>>,
): Record<string, ArgumentResolver<C, 'input'>> {
  return argumentResolvers('input', service, methods);
}

/**
 * Query resolvers that each hand their `id` to a method of the request's service
 * (`{ timeEntry: 'entry' }`): the service checks who may and finds the row.
 */
export function idQueries<C, S>(
  service: (ctx: C) => S,
  methods: Record<string, InputMethod<S>>,
): Record<string, ArgumentResolver<C, 'id'>> {
  return argumentResolvers('id', service, methods);
}
