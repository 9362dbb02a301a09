import { requireDateTime } from '../../../../runtime';
import { invalid } from '../errors';

/** An RFC 3339 instant with an offset, or a BAD_USER_INPUT naming `field`. */
export const parseInstant = (value: unknown, field: string): Date =>
  requireDateTime(value, field, invalid);
