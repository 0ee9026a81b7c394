const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'edge',
  rootDir: __dirname,
  // Swagger UI (@fastify/static) requires the ESM-only `content-disposition`;
  // Node 20.19+ can require ESM, jest cannot, so it is compiled for tests.
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
