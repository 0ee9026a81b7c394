module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'eval-lastfm',
  rootDir: __dirname,
  // The pipeline test reads and models real data: give it room on a 2-core machine.
  testTimeout: 300000,
};
