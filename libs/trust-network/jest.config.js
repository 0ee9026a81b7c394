module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'trust-network',
  rootDir: __dirname,
};
