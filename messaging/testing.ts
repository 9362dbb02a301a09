/** Helpers for tests of code built on messaging/: private namespaces and streams, free ports. */
export { createTestNamespace } from './src/envelope';
export { deleteStreams } from './src/streams';
export { freePort } from './src/freePort';
