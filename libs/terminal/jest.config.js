module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'terminal',
  rootDir: __dirname,
};
