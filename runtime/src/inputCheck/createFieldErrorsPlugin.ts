import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { InputFault } from './InputErrors';

const isFault = (value: unknown): value is InputFault =>
  typeof (value as InputFault | null)?.field === 'string' &&
  typeof (value as InputFault).message === 'string';

/** An error that lists several bad fields, as one error per field; any other as it is. */
export function splitByField(error: GraphQLFormattedError): GraphQLFormattedError[] {
  const { faults, reason: _first, ...extensions } = error.extensions ?? {};
  if (!Array.isArray(faults) || !faults.every(isFault)) return [error];
  return faults.map(({ field, message, reason }) => ({
    ...error,
    message,
    extensions: { ...extensions, ...(reason !== extensions.code && { reason }), field },
  }));
}

/**
 * Answers an input refused for several fields (InputErrors, or the text bounds) with
 * one BAD_USER_INPUT error per field, each with its own `field`, `reason` and message,
 * at the same path: a form shows each beside its field, as it does a single one.
 */
export function createFieldErrorsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.some((error) => error.extensions?.faults !== undefined)) return;
          result.errors = result.errors.flatMap(splitByField);
        },
      };
    },
  };
}
