import { longerThan } from '../../../../runtime';
import { invalid } from '../errors';

/** `value` trimmed, 1 to `max` characters long, or a refusal naming `input.<field>`. */
export function requiredText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text || longerThan(text, max))
    throw invalid(`input.${field}`, `${field} must be 1 to ${max} characters.`);
  return text;
}
