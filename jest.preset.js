// Shared jest settings: TypeScript through ts-jest (type-checking happens in the
// separate `typecheck` target, so tests transpile only and start fast), and the
// `@qfzz/*` path aliases resolved to library sources.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.base.json'), diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@qfzz/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
    // Test support a library offers to others (simulated traffic, fixtures).
    '^@qfzz/([a-z-]+)/testing$': path.join(__dirname, 'libs/$1/src/testing/index.ts'),
  },
  testMatch: ['**/*.spec.ts'],
};
