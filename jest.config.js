// Two projects run the same suites: once on embedded SQLite, once on the real
// PostgreSQL. Suites that touch no database (named *.test.ts without .int.)
// run only in the SQLite project, since a second run would prove nothing new.
// ts-jest only transpiles (tsconfig sets isolatedModules); `npm run typecheck` checks types.
// Packages shipped as ES modules only: openid-client, oauth4webapi, and jose 6 under it.
const ESM_ONLY = '(openid-client|oauth4webapi|jose/dist/webapi)';
const transform = {
  '^.+\\.ts$': 'ts-jest',
  // openid-client and what it builds on are ES modules only; Jest's loader runs CommonJS, so
  // they are transpiled like our own code (docs/sign-in.md, "OpenID Connect").
  [`/node_modules/${ESM_ONLY}/.+\\.js$`]: [
    'ts-jest',
    { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } },
  ],
};
const common = {
  transform,
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  testEnvironment: 'node',
  roots: [
    '<rootDir>/runtime',
    '<rootDir>/messaging',
    '<rootDir>/gateway',
    '<rootDir>/subgraphs',
    '<rootDir>/schema',
    '<rootDir>/platform',
    '<rootDir>/web',
    '<rootDir>/deploy',
  ],
};

module.exports = {
  maxWorkers: 2,
  // A worker that has run many platform suites holds what they leak (sockets, timers, module
  // caches) and collects ever longer; one over this size after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1GB',
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
