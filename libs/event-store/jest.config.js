module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'event-store',
  rootDir: __dirname,
  globalSetup: '<rootDir>/jest.mongo.setup.ts',
  globalTeardown: '<rootDir>/jest.mongo.teardown.ts',
};
