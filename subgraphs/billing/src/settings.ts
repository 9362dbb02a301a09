/** Options of `createBilling`. */
export interface BillingOptions {
  /** The clock rate cards and closes are checked against (tests pin it). */
  now?: () => Date;
}

/** The options with their defaults. */
export interface BillingSettings {
  now: () => Date;
}

export const billingSettings = (options: BillingOptions = {}): BillingSettings => ({
  now: options.now ?? (() => new Date()),
});
