import type { EventCatalogue } from '../catalogue';
import { subjectFor } from '../envelope';
import { EventValidationError } from '../errors';
import type { EventEnvelope, Namespace } from '../types';

/** The event in `text`, valid against the catalogue and sent on its own subject; else throws. */
export function readEvent(
  catalogue: EventCatalogue,
  ns: Namespace,
  text: string,
  subject: string,
): EventEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new EventValidationError('The payload is not JSON.', [], { cause });
  }
  const event = catalogue.validate(value);
  if (subjectFor(event.type, ns) !== subject) {
    throw new EventValidationError(`event/type ${event.type} arrived on subject ${subject}`);
  }
  return event;
}
