// `npm run test:compose` (docs/compose.md): the compose stack for real, apart from `jest`'s
// projects, since it needs a Docker engine and builds images. One suite, in band, compiled
// as the main projects compile theirs.
const { transform, transformIgnorePatterns } = require('../../jest.config.js').projects[0];

module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/deploy/compose'],
  testMatch: ['**/tests/**/*.compose.ts'],
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/test-support/summaryReporter.js'],
  maxWorkers: 1,
  testTimeout: 600000,
};
