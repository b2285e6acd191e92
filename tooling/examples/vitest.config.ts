import { defineConfig } from 'vitest/config';

// One file: the examples share one packed install, one type-check and one mock gateway, and
// run several at a time (each against credentials of its own).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxConcurrency: 4,
  },
});
