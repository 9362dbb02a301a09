// Selects the machine's PostgreSQL for this Jest project.
process.env.TEST_DB = 'postgres';
process.env.TEST_PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
