module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'conversation-app',
  rootDir: __dirname,
};
