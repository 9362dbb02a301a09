import { DomainError, ErrorCode, httpStatusOf } from '../errors';
import { HttpError } from '../http/createHttpServer';

/** The error as the client may see it: a domain error, or INTERNAL for anything else. */
export function asDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return new DomainError(ErrorCode.INTERNAL, 'Internal error.', 'INTERNAL', { cause: error });
}

/** The HTTP answer to an error; an unexpected one says no more than `Internal error.` */
export function toHttpError(error: unknown): HttpError {
  const domain = asDomainError(error);
  const status = httpStatusOf(domain.code);
  return new HttpError(
    status,
    status === 500 ? 'Internal error.' : domain.message,
    status === 500 ? 'INTERNAL' : domain.code,
  );
}
