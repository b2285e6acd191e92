import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each file starts workerd once (about a second) and a loopback mock gateway.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
