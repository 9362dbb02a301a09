import { badInput, conflict, formatError, toGraphQLError } from '../../src/errors';
import { createInputCheck, InputErrors, splitByField } from '../../src/inputCheck';

const text = (field: string, value: string) => {
  if (!value.trim()) throw badInput(field, `${field} must not be empty.`);
  return value.trim();
};

describe('the shared input check', () => {
  it('passes good fields through and throws nothing', () => {
    const check = createInputCheck();
    expect(check.field(() => text('firstName', ' Ada '))).toBe('Ada');
    expect(check.ok).toBe(true);
    expect(() => check.done()).not.toThrow();
  });

  it('throws a single bad field as it was', () => {
    const check = createInputCheck();
    const refusal = badInput('email', 'email is not an address.');
    check.field(() => {
      throw refusal;
    });
    expect(check.field(() => text('firstName', 'Ada'))).toBe('Ada');
    expect(() => check.done()).toThrow(refusal);
  });

  it('collects every bad field, each once, and answers one error per field', () => {
    const check = createInputCheck();
    expect(check.field(() => text('firstName', ' '))).toBeUndefined();
    check.field(() => text('lastName', ''));
    check.field(() => text('firstName', ''));
    expect(check.ok).toBe(false);

    let thrown: unknown;
    try {
      check.done();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputErrors);
    const formatted = formatError(toGraphQLError(thrown as InputErrors).toJSON(), thrown);
    expect(splitByField({ ...formatted, path: ['createEmployee'] })).toEqual([
      {
        message: 'firstName must not be empty.',
        path: ['createEmployee'],
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'firstName' },
      },
      {
        message: 'lastName must not be empty.',
        path: ['createEmployee'],
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'lastName' },
      },
    ]);
  });

  it('lets any other error through at once', () => {
    const check = createInputCheck();
    const other = conflict('Taken.');
    expect(() =>
      check.field(() => {
        throw other;
      }),
    ).toThrow(other);
  });

  it('leaves an error without a list of fields as it is', () => {
    const error = { message: 'No.', extensions: { code: 'FORBIDDEN' } };
    expect(splitByField(error)).toEqual([error]);
  });
});
