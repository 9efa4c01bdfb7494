/** Jest runs the TypeScript sources as native ES modules, transpiled by swc (type-checking is `npm run typecheck`). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testTimeout: 30000,
  // Two workers on CI's two cores: most suites wait on gRPC, timers and child processes, so the second
  // core would sit idle with Jest's default of one worker (cores − 1).
  maxWorkers: 2,
  // A throw-away HOME for the run (the gRPC client's payload cache lands there, not in the real home).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
}
