// Two projects run the same suites: once on embedded SQLite, once on the real
// PostgreSQL. Suites that touch no database (named *.test.ts without .int.)
// run only in the SQLite project, since a second run would prove nothing new.
// ts-jest only transpiles (tsconfig sets isolatedModules); `npm run typecheck` checks types.
const transform = { '^.+\\.ts$': 'ts-jest' };
const common = {
  transform,
  testEnvironment: 'node',
  roots: [
    '<rootDir>/runtime',
    '<rootDir>/messaging',
    '<rootDir>/gateway',
    '<rootDir>/subgraphs',
    '<rootDir>/schema',
    '<rootDir>/platform',
    '<rootDir>/web',
  ],
};

module.exports = {
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test-support/summaryReporter.js'],
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'sqlite',
      testMatch: ['**/tests/**/*.test.ts'],
      setupFiles: ['<rootDir>/test-support/use-sqlite.js'],
    },
    {
      ...common,
      displayName: 'postgres',
      testMatch: ['**/tests/**/*.int.test.ts'],
      setupFiles: ['<rootDir>/test-support/use-postgres.js'],
    },
  ],
};
