import { newerRow } from '..';

interface Copy {
  id: string;
  version: number;
  name: string;
}

describe('newerRow', () => {
  it('takes a record it has no copy of, and keeps it', () => {
    const known = new Map<string, Copy>();
    expect(newerRow(known, 'a', { version: 1, name: 'first' })).toEqual({
      id: 'a',
      version: 1,
      name: 'first',
    });
    expect(known.get('a')).toEqual({ id: 'a', version: 1, name: 'first' });
  });

  it('takes a newer version as a row of its own, leaving the one read as it was', () => {
    const read: Copy = { id: 'a', version: 1, name: 'first' };
    const known = new Map([['a', read]]);
    const taken = newerRow(known, 'a', { version: 2, name: 'second' });
    expect(taken).toEqual({ id: 'a', version: 2, name: 'second' });
    expect(known.get('a')).toBe(taken);
    expect(read).toEqual({ id: 'a', version: 1, name: 'first' });
  });

  it.each([
    ['the same version again', 3],
    ['an older version', 2],
  ])('changes nothing for %s', (_, version) => {
    const known = new Map([['a', { id: 'a', version: 3, name: 'third' }]]);
    expect(newerRow(known, 'a', { version, name: 'late' })).toBeNull();
    expect(known.get('a')).toEqual({ id: 'a', version: 3, name: 'third' });
  });
});
