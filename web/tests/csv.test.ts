import { fieldColumns, toCsv } from '../src/ui/csv';

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

  it('quotes a cell holding a semicolon, where Excel in many locales splits cells', () => {
    expect(toCsv([{ name: 'Smith;=1+1', days: 1 }], columns)).toBe(
      'Name,Days\r\n"Smith;=1+1",1\r\n',
    );
  });

  it('writes the fields of field columns as they are, in the order their headings are written', () => {
    const fields = fieldColumns({ Days: 'days', 'Last name': 'name', Paid: 'paid' });
    expect(toCsv([{ name: 'Walsh', days: 2.5, paid: false }], fields)).toBe(
      'Days,Last name,Paid\r\n2.5,Walsh,false\r\n',
    );
  });
});
