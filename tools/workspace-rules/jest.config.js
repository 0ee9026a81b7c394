module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'workspace-rules',
  rootDir: __dirname,
};
