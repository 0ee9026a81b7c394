module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'recsys',
  rootDir: __dirname,
};
