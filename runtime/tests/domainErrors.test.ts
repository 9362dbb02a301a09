import { DomainError, ErrorCode, HTTP_STATUS, httpStatusOf, toGraphQLError } from '../src/errors';
import { defineDomainErrors } from '../src/domainErrors';

const shifts = defineDomainErrors('ShiftError', {
  NOT_FOUND: ['SHIFT_NOT_FOUND'],
  POLICY_VIOLATION: ['OVERLAPPING_SHIFT'],
  BAD_USER_INPUT: ['UNKNOWN_EMPLOYEE'],
});
const ShiftReason = shifts.reasons;
const other = defineDomainErrors('OtherError', { CONFLICT: ['ANY'] });

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

describe('the reasons of a domain', () => {
  it('gives each listed reason by its name, as an enum would', () => {
    expect(shifts.reasons).toEqual({
      SHIFT_NOT_FOUND: 'SHIFT_NOT_FOUND',
      OVERLAPPING_SHIFT: 'OVERLAPPING_SHIFT',
      UNKNOWN_EMPLOYEE: 'UNKNOWN_EMPLOYEE',
    });
    expect(Object.isFrozen(shifts.reasons)).toBe(true);
  });

  it('answers a domain without reasons of its own with the shared ones', () => {
    const none = defineDomainErrors('NoneError', {});
    expect(none.reasons).toEqual({});
    expect(none.error('VERSION_CONFLICT', 'Stale.')).toMatchObject({
      name: 'NoneError',
      code: 'CONFLICT',
      reason: 'VERSION_CONFLICT',
    });
  });

  it('refuses at start-up a reason listed twice, under one code or two', () => {
    expect(() =>
      // @ts-expect-error: the compiler names the reason listed twice
      defineDomainErrors('TwiceError', { NOT_FOUND: ['GONE', 'GONE'] }),
    ).toThrow('TwiceError lists GONE twice');
    expect(() =>
      // @ts-expect-error: the compiler names the reason listed twice
      defineDomainErrors('TwiceError', { NOT_FOUND: ['GONE'], CONFLICT: ['GONE'] }),
    ).toThrow('TwiceError lists GONE twice');
  });

  it('refuses at start-up a reason every domain has already', () => {
    expect(() =>
      // @ts-expect-error: a shared reason keeps its one code everywhere
      defineDomainErrors('SharedError', { POLICY_VIOLATION: ['VERSION_CONFLICT'] }),
    ).toThrow('SharedError lists VERSION_CONFLICT twice, or a reason every domain has');
  });

  it('takes only reasons written out, which the compiler can check', () => {
    const listed: string[] = ['GONE'];
    // @ts-expect-error: a list of any strings cannot be checked
    expect(defineDomainErrors('LooseError', { NOT_FOUND: listed }).reasons).toEqual({
      GONE: 'GONE',
    });
  });

  it('takes only codes of the platform', () => {
    expect(() =>
      // @ts-expect-error: TEAPOT is no ErrorCode
      defineDomainErrors('TeapotError', { TEAPOT: ['BREWING'] }),
    ).toThrow('TeapotError lists reasons under TEAPOT, which is no code of the platform.');
  });
});

describe('the refusals every domain words the same', () => {
  it('says which record was not found, naming its id', () => {
    const error = shifts.notFound(ShiftReason.SHIFT_NOT_FOUND, 'Shift', '7');
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SHIFT_NOT_FOUND',
      message: 'Shift 7 was not found.',
      field: undefined,
      extensions: { id: '7' },
    });
    expect(shifts.notFound(ShiftReason.SHIFT_NOT_FOUND, 'Shift', '7', 'shiftId').field).toBe(
      'shiftId',
    );
  });

  it('says the employee named in the input is unknown, in employeeId unless told', () => {
    expect(shifts.unknownEmployee(ShiftReason.UNKNOWN_EMPLOYEE, 'e-1')).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_EMPLOYEE',
      message: 'There is no employee e-1.',
      field: 'employeeId',
      extensions: {},
    });
    expect(shifts.unknownEmployee(ShiftReason.UNKNOWN_EMPLOYEE, 'e-1', 'coverId').field).toBe(
      'coverId',
    );
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
