module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'recommender-app',
  rootDir: __dirname,
};
