import { longerThan } from '../..';

describe('longerThan', () => {
  it('counts characters as code points: an emoji is one, not two', () => {
    expect(longerThan('🙂'.repeat(5), 5)).toBe(false);
    expect(longerThan('🙂'.repeat(6), 5)).toBe(true);
    expect(longerThan('abcde', 5)).toBe(false);
    expect(longerThan('abcdef', 5)).toBe(true);
    expect(longerThan('', 0)).toBe(false);
  });
});
