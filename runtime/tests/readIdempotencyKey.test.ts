import { MAX_IDEMPOTENCY_KEY, readIdempotencyKey } from '../src/idempotency';

class Refused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
const read = (value: unknown) =>
  readIdempotencyKey(value, (field, message) => new Refused(field, message));

describe('readIdempotencyKey', () => {
  it('takes a key trimmed, and none for absent or blank', () => {
    expect(read('  k-1 ')).toBe('k-1');
    expect([read(undefined), read(null), read('   ')]).toEqual([null, null, null]);
  });

  it('takes a key of the longest length, and refuses a longer one on its field', () => {
    expect(read('k'.repeat(MAX_IDEMPOTENCY_KEY))).toHaveLength(MAX_IDEMPOTENCY_KEY);
    expect(() => read('k'.repeat(MAX_IDEMPOTENCY_KEY + 1))).toThrow(
      expect.objectContaining({
        field: 'idempotencyKey',
        message: 'idempotencyKey must be at most 200 characters.',
      }),
    );
  });
});
