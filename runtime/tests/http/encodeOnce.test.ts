import { encodeOnce } from '../../src/http/createHttpServer';

describe('encodeOnce', () => {
  it('gives requests that end with the same answer one Buffer', () => {
    const encode = encodeOnce();
    const answer = `{"data":{"name":"${'é'.repeat(10_000)}"}}\n`;
    const first = encode(answer);
    expect(encode(answer)).toBe(first);
    expect(first.toString('utf8')).toBe(answer);
  });

  it('encodes each new answer, never sending the bytes of the one before', () => {
    const encode = encodeOnce();
    expect(encode('{"data":{"a":1}}').toString()).toBe('{"data":{"a":1}}');
    expect(encode('{"data":{"a":2}}').toString()).toBe('{"data":{"a":2}}');
    expect(encode('').length).toBe(0);
  });
});
