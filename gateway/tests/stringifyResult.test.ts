import fc from 'fast-check';
import type { FormattedExecutionResult } from 'graphql';
import { stringifyResult, stringifyUnshared } from '../src/apollo/stringifyResult';

// Apollo Server's own serialisation: JSON of errors, data and extensions, in that order.
const apollo = (value: FormattedExecutionResult) =>
  `${JSON.stringify({ errors: value.errors, data: value.data, extensions: value.extensions })}\n`;

describe('stringifyResult', () => {
  const answer = fc.record(
    {
      errors: fc.array(
        fc.record({ message: fc.string(), extensions: fc.dictionary(fc.string(), fc.jsonValue()) }),
        { maxLength: 2 },
      ),
      data: fc.oneof(fc.constant(null), fc.dictionary(fc.string(), fc.jsonValue())),
      extensions: fc.dictionary(fc.string(), fc.jsonValue()),
    },
    { requiredKeys: [] },
  );

  it('writes what Apollo writes, for any answer', () => {
    fc.assert(
      fc.property(answer, (value) => {
        expect(stringifyResult(value)).toBe(apollo(value));
        // Apollo hands its serialiser the fields already in that order.
        const ordered = { errors: value.errors, data: value.data, extensions: value.extensions };
        expect(stringifyUnshared(ordered)).toBe(apollo(value));
      }),
      { numRuns: 500 },
    );
  });

  it('writes one data object once, for every answer that holds it', () => {
    const data = { user: { name: 'Ada' } };
    const first = stringifyResult({ data });
    const spy = jest.spyOn(JSON, 'stringify');
    try {
      expect(stringifyResult({ data })).toBe(first);
      expect(stringifyResult({ data, extensions: { cost: 1 } })).toBe(
        '{"data":{"user":{"name":"Ada"}},"extensions":{"cost":1}}\n',
      );
      expect(spy.mock.calls.map(([value]) => value)).toEqual([{ cost: 1 }]);
    } finally {
      spy.mockRestore();
    }
    expect(first).toBe('{"data":{"user":{"name":"Ada"}}}\n');
  });
});
