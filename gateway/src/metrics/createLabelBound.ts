export interface LabelBoundOptions {
  /** Distinct values kept; later ones count as `other` (default 200). */
  maxValues?: number;
  /** Characters kept of one value (default 64). */
  maxLength?: number;
}

/** What a label value becomes when there is none. */
export const NO_LABEL = 'none';
/** The label of every value beyond the count bound. */
export const OTHER_LABEL = 'other';

/**
 * Bounds the label values of one metric that come from clients (operation names,
 * error codes): each value is cut to `maxLength` characters of `[A-Za-z0-9_]` (others
 * become `_`), and past `maxValues` distinct values every new one counts as `other`.
 * The series, the memory they hold and the size of a scrape stay bounded whatever
 * clients send; an unbounded label made `/metrics` fail for good once its text
 * outgrew what one string can hold.
 */
export function createLabelBound(options: LabelBoundOptions = {}): (value: unknown) => string {
  const maxValues = options.maxValues ?? 200;
  const maxLength = options.maxLength ?? 64;
  const seen = new Set<string>();
  return (value) => {
    if (typeof value !== 'string' || value.length === 0) return NO_LABEL;
    const label = value.slice(0, maxLength).replace(/[^A-Za-z0-9_]/g, '_');
    if (seen.has(label)) return label;
    if (seen.size >= maxValues) return OTHER_LABEL;
    seen.add(label);
    return label;
  };
}
