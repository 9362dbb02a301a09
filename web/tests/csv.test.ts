import { toCsv } from '../src/ui/csv';

describe('the CSV export of a list', () => {
  const columns = [
    { heading: 'Name', value: (r: { name: string; days: number | null }) => r.name },
    { heading: 'Days', value: (r: { name: string; days: number | null }) => r.days },
  ];

  it('quotes commas, quotes and line breaks, and leaves empty cells for null', () => {
    expect(toCsv([{ name: 'Walsh, "Ben"\nnight', days: null }], columns)).toBe(
      'Name,Days\r\n"Walsh, ""Ben""\nnight",\r\n',
    );
  });

  it('keeps a cell a spreadsheet would run as a formula as text', () => {
    expect(toCsv([{ name: '=HYPERLINK("x")', days: -1 }], columns)).toBe(
      `Name,Days\r\n"'=HYPERLINK(""x"")",-1\r\n`,
    );
  });
});
