import type { CsvColumn } from './csv';

/** `{ amountMinor, currency }` as the browser's locale writes money. */
export function formatMoney(money: { amountMinor: number; currency: string } | null | undefined) {
  if (!money) return '–';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(
      money.amountMinor / 100,
    );
  } catch {
    // An unknown currency code: show the figures as they are.
    return `${(money.amountMinor / 100).toFixed(2)} ${money.currency}`;
  }
}

/** "12.50" as minor units (1250); NaN when it is not a number. */
export const toMinor = (text: string) => Math.round(Number(text) * 100);

/** An amount in an export: its minor units under `<heading> (minor)`, then its currency. */
export const moneyColumns = <T>(
  heading: string,
  amountOf: (row: T) => { amountMinor: number; currency: string },
): CsvColumn<T>[] => [
  { heading: `${heading} (minor)`, value: (row) => amountOf(row).amountMinor },
  { heading: 'Currency', value: (row) => amountOf(row).currency },
];
