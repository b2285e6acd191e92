import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Tests import packages by name, as users do; here those names mean the sources.
  resolve: {
    alias: [
      { find: /^@tvs\/mock-gateway\/node$/, replacement: source('./src/node.ts') },
      { find: /^@tvs\/mock-gateway$/, replacement: source('./src/index.ts') },
      { find: /^@tvs\/signer$/, replacement: source('../signer/src/index.ts') },
      { find: /^@tvs\/envelope$/, replacement: source('../envelope/src/index.ts') },
      { find: /^@tvs\/envelope\/server$/, replacement: source('../envelope/src/server.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The soak test measures heapUsed after a forced collection.
    execArgv: ['--expose-gc'],
    testTimeout: 30_000,
  },
});
