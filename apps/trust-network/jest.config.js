module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'trust-network-app',
  rootDir: __dirname,
};
