import { problemsOf } from '../../../api/problemsOf';

/**
 * How long to keep asking while agreements has not yet heard of the new person (by event):
 * moments as a rule, but a busy platform's consumers may lag well behind, and giving up
 * would leave HR with a person made and no agreement.
 */
const GIVE_UP_AFTER_MS = 60_000;
const RETRY_MS = 500;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `send` until agreements knows the person it names: agreements learns of a new person
 * by event, moments after they are made. Any other refusal, or the last, is thrown.
 */
export async function untilPersonKnown(send: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await send();
      return;
    } catch (caught) {
      const unknownPerson = problemsOf(caught, []).general.some((p) => p.field === 'employeeId');
      if (!unknownPerson || Date.now() - started >= GIVE_UP_AFTER_MS) throw caught;
      await wait(RETRY_MS);
    }
  }
}
