module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'nlu',
  rootDir: __dirname,
};
