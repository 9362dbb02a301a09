/** The redelivery delay after the failure of delivery number `deliveries`; the last repeats. */
export const retryDelay = (retryDelaysMs: readonly number[], deliveries: number): number =>
  retryDelaysMs[Math.min(deliveries, retryDelaysMs.length) - 1] ?? 1000;
