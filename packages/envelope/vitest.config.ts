import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests import the package by name, as users do; here that name means the sources.
  resolve: {
    alias: [
      {
        find: /^@tvs\/envelope\/server$/,
        replacement: fileURLToPath(new URL('./src/server.ts', import.meta.url)),
      },
      {
        find: /^@tvs\/envelope$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // In CI each fuzz property runs 10,000 cases on 2 cores shared with other suites.
    testTimeout: 180_000,
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
