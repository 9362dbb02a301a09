// Selects the embedded SQLite database for this Jest project.
process.env.TEST_DB = 'sqlite';
