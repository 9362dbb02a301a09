/** Money rules: integer minor units, exact arithmetic, half-even rounding once per posting. */

/** The currency accounts are opened in before any cost names another. */
export const DEFAULT_CURRENCY = 'GBP';

/** Multipliers are kept in ten-thousandths, so 1.5 is 15000 and arithmetic stays exact. */
export const MULTIPLIER_SCALE = 10000;

/**
 * `numerator / denominator` rounded half to even, both BigInt (denominator > 0): a tie goes
 * to the even neighbour, so rounding many postings has no drift either way.
 */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error('The denominator must be positive.');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let quotient = n / denominator;
  const twice = (n % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

let currencies: Set<string> | undefined;

/** ISO 4217 codes the runtime's Intl knows. */
export function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/** A multiplier given as a number, in ten-thousandths, or null when it has more than four decimals. */
export function toScaled(multiplier: number): number | null {
  const scaled = Math.round(multiplier * MULTIPLIER_SCALE);
  if (Math.abs(scaled - multiplier * MULTIPLIER_SCALE) > 1e-6) return null;
  return scaled;
}

export const fromScaled = (scaled: number): number => scaled / MULTIPLIER_SCALE;

/** Money as GraphQL returns it. */
export interface Money {
  amountMinor: number;
  currency: string;
}
