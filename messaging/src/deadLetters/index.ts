export {
  checkQuery,
  parseDeadLetterId,
  toDeadLetter,
  type DeadLetter,
  type DeadLetterMessage,
  type DeadLetterQuery,
} from './DeadLetter';
export { DeadLetterError, type DeadLetterProblem } from './DeadLetterError';
export { getDeadLetter, type DeadLetterClients } from './getDeadLetter';
export { listDeadLetters, type DeadLetterPage } from './listDeadLetters';
export { replayDeadLetter, type ReplayOptions, type ReplayResult } from './replayDeadLetter';
export { discardDeadLetter } from './discardDeadLetter';
export { countDeadLetters } from './countDeadLetters';
export {
  createDeadLetterWatcher,
  type DeadLetterHandlerDefinition,
  type DeadLetterWatcher,
  type DeadLetterWatcherOptions,
} from './createDeadLetterWatcher';
export { REPLAY_SUBJECT_HEADER, type ReplayReply } from './replayProtocol';
