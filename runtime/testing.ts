/** Helpers for tests of code built on runtime/: signing keys made on the spot. */
export { generatePrivateJwk } from './src/auth';
