module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'profile-projection',
  rootDir: __dirname,
};
