module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'recommender',
  rootDir: __dirname,
  // Real Redis and SQLite in some suites: give them room on a 2-core machine.
  testTimeout: 60000,
};
