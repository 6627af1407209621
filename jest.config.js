/** Unit specs beside the code; end-to-end specs in test/ against real databases, Redis and SMTP. */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
};

module.exports = {
  // A global option: inside `projects` it is ignored and the 5 s default applies.
  testTimeout: 60000,
  // Also global. Test files run in a worker process that is replaced once it holds more
  // than this after a file; without it, a 2-core machine runs every file in Jest's own
  // process, where what each file's Nest apps, drivers and ts-jest modules leave behind
  // adds up until the heap runs out (CI, 2026-12-03: out of memory at 3.8 GB, 550 s in).
  workerIdleMemoryLimit: '1GB',
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
