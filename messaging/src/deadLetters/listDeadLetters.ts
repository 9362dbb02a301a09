import type { StoredMsg } from '@nats-io/jetstream';
import { allDeadLettersSubject, deadLetterStream, deadLetterSubject } from '../envelope';
import type { Namespace } from '../types';
import { checkQuery, type DeadLetter, type DeadLetterQuery } from './DeadLetter';
import { fromStored, onDeadLetterStream, type DeadLetterClients } from './getDeadLetter';

/** One page of dead letters, oldest first. */
export interface DeadLetterPage {
  nodes: DeadLetter[];
  /** Dead letters matching the filters, on every page. */
  totalCount: number;
  hasNextPage: boolean;
  /** Pass as `after` for the next page; null on an empty page. */
  endCursor: string | null;
}

/** The subject filter of a query: dead letters are `hrdlq.<consumer>.<type>`. */
function filterOf(ns: Namespace, consumer?: string, type?: string): string {
  if (consumer === undefined && type === undefined) return allDeadLettersSubject(ns);
  return deadLetterSubject(ns, consumer ?? '*', type ?? '>');
}

/**
 * Lists dead letters oldest first, filtered by consumer and type. The stream finds each next
 * match by subject, so a page costs one request per dead letter whatever the filters.
 */
export async function listDeadLetters(
  clients: DeadLetterClients,
  query: DeadLetterQuery = {},
): Promise<DeadLetterPage> {
  const { jsm, namespace: ns } = clients;
  const { first, startSeq, consumer, type } = checkQuery(query);
  const stream = deadLetterStream(ns);
  const filter = filterOf(ns, consumer, type);
  const info = await onDeadLetterStream(ns, () =>
    jsm.streams.info(stream, { subjects_filter: filter }),
  );
  const totalCount = Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
  const found: StoredMsg[] = [];
  let seq = startSeq;
  // One more than asked tells whether there is a next page.
  while (found.length <= first && seq <= info.state.last_seq) {
    const next = await jsm.streams.getMessage(stream, { seq, next_by_subj: filter } as never);
    if (!next) break;
    found.push(next);
    seq = next.seq + 1;
  }
  const nodes = found.slice(0, first).map((stored) => fromStored(stored, ns));
  return {
    nodes,
    totalCount,
    hasNextPage: found.length > first,
    endCursor: nodes.at(-1)?.id ?? null,
  };
}
