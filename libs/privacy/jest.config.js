module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'privacy',
  rootDir: __dirname,
  // Decides whether the MongoDB suites run (MONGODB_URL or a container runtime) and says why not.
  globalSetup: '<rootDir>/../testing/jest/mongoContractSetup.ts',
  globalTeardown: '<rootDir>/../testing/jest/mongoContractTeardown.ts',
};
