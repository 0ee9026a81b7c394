module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'catalog-import',
  rootDir: __dirname,
  // The end-to-end test starts the CLI in a child process (tsx compiles on the fly).
  testTimeout: 120000,
};
