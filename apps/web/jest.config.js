const preset = require('../../jest.preset.js');

// Unit tests for the app's pure logic (src/**/*.spec.ts) and the browser test
// (e2e/*.spec.ts: a real edge instance serving the built app, driven through
// Debian's chromium with playwright-core).
module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  // The edge app's Swagger UI (@fastify/static) requires the ESM-only
  // `content-disposition`; jest cannot, so it is compiled for tests (as in apps/edge).
  transform: {
    ...preset.transform,
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  testTimeout: 120_000,
};
