/** Helpers for tests of code built on runtime/: signing keys made on the spot, owners' subjects. */
export { generatePrivateJwk } from './src/auth';
/** The subject a domain answers another's questions on, to stand in for it in a test. */
export { ownerSubject } from './src/ownerRequests';
