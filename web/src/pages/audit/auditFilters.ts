import { toOffsetDateTime } from '../../ui/dates';
import type { FieldSpec } from '../../ui/InputFields';

const TEXT_FILTERS = ['logType', 'entityType', 'entityId', 'actorId', 'correlationId'] as const;
type FilterKey = (typeof TEXT_FILTERS)[number] | 'from' | 'to';
export type AuditFilters = { [K in FilterKey]: string };

export const FILTER_INPUTS: readonly FieldSpec<FilterKey>[] = [
  { key: 'logType', label: 'Log type' },
  { key: 'entityType', label: 'Entity type' },
  { key: 'entityId', label: 'Entity id' },
  { key: 'actorId', label: 'Actor id' },
  { key: 'correlationId', label: 'Correlation id' },
  { key: 'from', label: 'From', type: 'datetime-local' },
  { key: 'to', label: 'To', type: 'datetime-local' },
];
export const FILTER_FIELDS = FILTER_INPUTS.map((input) => input.key);

export const NO_FILTERS: AuditFilters = {
  logType: '',
  entityType: '',
  entityId: '',
  actorId: '',
  correlationId: '',
  from: '',
  to: '',
};

/** The filter as the API takes it: only what was given, times with the browser's offset. */
export function filterOf(filters: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of TEXT_FILTERS) if (filters[key].trim()) out[key] = filters[key].trim();
  if (filters.from) out.from = toOffsetDateTime(filters.from);
  if (filters.to) out.to = toOffsetDateTime(filters.to);
  return out;
}
