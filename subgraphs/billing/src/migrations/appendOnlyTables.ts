/** The ledger's tables that no row may change or leave, as the guards' migrations found them. */
export const APPEND_ONLY_TABLES = [
  'billing_transactions',
  'billing_postings',
  'billing_rate_cards',
  'billing_day_closes',
  'billing_closing_balances',
];
