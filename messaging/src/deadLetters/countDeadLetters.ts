import { deadLetterStream, deadLetterSubject } from '../envelope';
import type { DeadLetterClients } from './getDeadLetter';

/** How many dead letters a consumer has in HR_DLQ. */
export async function countDeadLetters(
  { jsm, namespace }: DeadLetterClients,
  consumer: string,
): Promise<number> {
  const info = await jsm.streams.info(deadLetterStream(namespace), {
    subjects_filter: deadLetterSubject(namespace, consumer, '>'),
  });
  return Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
}
