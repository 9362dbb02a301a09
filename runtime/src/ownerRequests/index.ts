export { createOwnerAsker, type OwnerAskOptions } from './createOwnerAsker';
export {
  NoOwnerError,
  OwnerUnavailableError,
  ownerSubject,
  type AskOwner,
  type ResponderDefinition,
} from './ownerRequest';
export { serveResponders } from './serveResponders';
