/**
 * The database a benchmark's platform runs on, from the DATABASE knob (`fallback` when it is
 * unset), passed on to the test platform as TEST_DB. Anything else stops the run.
 */
export function databaseKnob(fallback: 'postgres' | 'sqlite'): 'postgres' | 'sqlite' {
  const database = process.env.DATABASE ?? fallback;
  if (database !== 'postgres' && database !== 'sqlite')
    throw new Error(`DATABASE must be postgres or sqlite; got "${database}".`);
  process.env.TEST_DB = database;
  return database;
}
