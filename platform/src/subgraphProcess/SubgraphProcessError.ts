/** The second process of all-in-one failed: it did not start, or kept dying. */
export class SubgraphProcessError extends Error {
  override name = 'SubgraphProcessError';
  readonly code = 'SUBGRAPH_PROCESS_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
