/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.js' },
};
