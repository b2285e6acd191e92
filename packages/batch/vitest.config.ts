import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Tests import the packages by name, as users do; here those names mean the sources. The CLI
  // tests run the built bin (turbo builds it first), so they see what users run.
  resolve: {
    alias: [
      { find: /^@tvs\/batch$/, replacement: src('./src/index.ts') },
      { find: /^@tvs\/client$/, replacement: src('../client/src/index.ts') },
      { find: /^@tvs\/envelope$/, replacement: src('../envelope/src/index.ts') },
      { find: /^@tvs\/signer$/, replacement: src('../signer/src/index.ts') },
      { find: /^@tvs\/mock-gateway$/, replacement: src('../mock-gateway/src/index.ts') },
      { find: /^@tvs\/mock-gateway\/node$/, replacement: src('../mock-gateway/src/node.ts') },
    ],
  },
  define: { __TVS_CLIENT_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // One file at a time: the heavy files each keep a gateway and a runner (or three workers)
    // busy, and running them side by side would only starve each other and the other packages'
    // tests that turbo runs beside these.
    fileParallelism: false,
  },
});
