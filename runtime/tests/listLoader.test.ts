import { byEmployee, listLoader } from '../src/loaders';

describe('listLoader', () => {
  it('reads every id of a batch at once and hands back each list, empty where none', async () => {
    const reads: string[][] = [];
    const rows = [
      { employeeId: 'a', n: 1 },
      { employeeId: 'b', n: 2 },
      { employeeId: 'a', n: 3 },
    ];
    const loader = listLoader(
      async (ids) => {
        reads.push(ids);
        return rows.filter((row) => ids.includes(row.employeeId));
      },
      (row) => row.employeeId,
    );
    const [a, b, c] = await Promise.all([loader.load('a'), loader.load('b'), loader.load('c')]);
    expect(reads).toEqual([['a', 'b', 'c']]);
    expect(a.map((row) => row.n)).toEqual([1, 3]);
    expect(b.map((row) => row.n)).toEqual([2]);
    expect(c).toEqual([]);
  });
});

describe('byEmployee', () => {
  it('groups rows by employee in the order read', () => {
    const rows = [
      { employeeId: 'b', n: 1 },
      { employeeId: 'a', n: 2 },
      { employeeId: 'b', n: 3 },
    ];
    expect([...byEmployee(rows)]).toEqual([
      ['b', [rows[0], rows[2]]],
      ['a', [rows[1]]],
    ]);
  });
});
