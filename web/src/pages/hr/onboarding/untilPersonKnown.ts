import { problemsOf } from '../../../api/problemsOf';

/** How long to keep asking while agreements has not yet heard of the new person (by event). */
const ATTEMPTS = 30;
const RETRY_MS = 500;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `send` until agreements knows the person it names: agreements learns of a new person
 * by event, moments after they are made. Any other refusal, or the last, is thrown.
 */
export async function untilPersonKnown(send: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await send();
      return;
    } catch (caught) {
      const unknownPerson = problemsOf(caught, []).general.some((p) => p.field === 'employeeId');
      if (!unknownPerson || attempt >= ATTEMPTS) throw caught;
      await wait(RETRY_MS);
    }
  }
}
