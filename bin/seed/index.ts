export { runSeed, type SeedOptions, type SeedSummary } from './runSeed';
export type { SeedCaller } from './createSeedClient';
export { DEFAULT_SIZE, MIN_SIZE, PEOPLE, peopleOf } from './organisation';
export { seedCalendar, type SeedCalendar } from './seedCalendar';
