module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'conversation',
  rootDir: __dirname,
};
