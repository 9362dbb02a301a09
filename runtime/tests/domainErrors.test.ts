import { DomainError, ErrorCode, HTTP_STATUS, httpStatusOf, toGraphQLError } from '../src/errors';
import { defineDomainErrors } from '../src/domainErrors';

enum ShiftReason {
  SHIFT_NOT_FOUND = 'SHIFT_NOT_FOUND',
  OVERLAPPING_SHIFT = 'OVERLAPPING_SHIFT',
}

const shifts = defineDomainErrors<ShiftReason>('ShiftError', {
  SHIFT_NOT_FOUND: ErrorCode.NOT_FOUND,
  OVERLAPPING_SHIFT: ErrorCode.POLICY_VIOLATION,
});
const other = defineDomainErrors<'ANY'>('OtherError', { ANY: ErrorCode.CONFLICT });

describe('defineDomainErrors', () => {
  it('answers each reason with the code its map gives, naming the reason', () => {
    const error = shifts.error(ShiftReason.SHIFT_NOT_FOUND, 'Shift 7 was not found.');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      name: 'ShiftError',
      code: 'NOT_FOUND',
      reason: 'SHIFT_NOT_FOUND',
    });
    expect(error.rule).toBeUndefined();
  });

  it('names a policy violation after the rule it broke', () => {
    const error = shifts.error(ShiftReason.OVERLAPPING_SHIFT, 'Overlaps.', { field: 'start' });
    expect(toGraphQLError(error).extensions).toEqual({
      code: 'POLICY_VIOLATION',
      reason: 'OVERLAPPING_SHIFT',
      rule: 'OVERLAPPING_SHIFT',
      field: 'start',
    });
  });

  it('gives every domain the same codes for bad input, refusal and a stale version', () => {
    expect(shifts.invalid('start', 'start is not a date.')).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      field: 'start',
    });
    expect(shifts.forbidden('No.')).toMatchObject({ code: 'FORBIDDEN', reason: 'FORBIDDEN' });
    expect(shifts.error('VERSION_CONFLICT', 'Stale.')).toMatchObject({ code: 'CONFLICT' });
  });

  it("tells its own errors from another domain's, by reason when asked", () => {
    const error = shifts.error(ShiftReason.SHIFT_NOT_FOUND, 'Gone.');
    expect(shifts.is(error)).toBe(true);
    expect(shifts.is(error, ShiftReason.SHIFT_NOT_FOUND)).toBe(true);
    expect(shifts.is(error, ShiftReason.OVERLAPPING_SHIFT)).toBe(false);
    expect(other.is(error)).toBe(false);
    expect(shifts.is(new TypeError('x'))).toBe(false);
    expect(error).toBeInstanceOf(shifts.Error);
    expect(error).not.toBeInstanceOf(other.Error);
  });
});

describe('HTTP status of each code', () => {
  it.each([
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['BAD_USER_INPUT', 400],
    ['CONFLICT', 409],
    ['POLICY_VIOLATION', 422],
    ['UNAVAILABLE', 503],
    ['RATE_LIMITED', 429],
    ['INTERNAL', 500],
  ])('answers %s with %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('maps every code of the table, once', () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it('treats a code outside the table as a server fault', () => {
    expect(httpStatusOf('CONFLICT')).toBe(409);
    expect(httpStatusOf('BAD_REQUEST')).toBe(500);
    expect(httpStatusOf(undefined)).toBe(500);
  });
});
