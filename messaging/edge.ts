/**
 * The spans an edge process (the gateway, through runtime's HTTP server) shares with events,
 * without the outbox, streams and catalogue that ./index also loads: MikroORM, NATS and a
 * schema validator the gateway never uses. Everything here is also exported by ./index.
 */
export { currentTraceparent, inActiveSpan, traceparentOf } from './src/traceSpans';
