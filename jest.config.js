/** Unit specs beside the code; end-to-end specs in test/ against real databases, Redis and SMTP. */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
};

module.exports = {
  // A global option: inside `projects` it is ignored and the 5 s default applies.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
      transform,
      moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
      setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
      testTimeout: 60000,
    },
  ],
};
