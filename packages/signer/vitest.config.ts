import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests import the package by name, as users do; here that name means the sources.
  resolve: { alias: { '@tvs/signer': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Property tests run a few hundred cases; CI machines with 2 busy cores need headroom.
    testTimeout: 30_000,
  },
});
