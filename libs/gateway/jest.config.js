const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'gateway',
  rootDir: __dirname,
  // Swagger UI is served through @fastify/static, which requires the ESM-only
  // `content-disposition`. Node 20.19+ can require ESM; jest cannot, so that
  // one package is compiled to CommonJS for tests.
  transform: {
    ...preset.transform,
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  // Every HTTP spec starts a real server on a temp SQLite log; a few run long.
  testTimeout: 30_000,
};
