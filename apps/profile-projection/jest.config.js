module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'profile-projection-app',
  rootDir: __dirname,
};
