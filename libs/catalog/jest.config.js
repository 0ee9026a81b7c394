module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'catalog',
  rootDir: __dirname,
  // The real-data tests parse ~8 MiB of CSV each: give them room on a 2-core machine.
  testTimeout: 60000,
};
