const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'client',
  rootDir: __dirname,
  // The specs start a real edge instance (apps/edge), whose Swagger UI
  // (@fastify/static) requires the ESM-only `content-disposition`; jest
  // cannot load ESM, so it is compiled for tests (as in apps/edge).
  transform: {
    ...preset.transform,
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  testTimeout: 30_000,
};
