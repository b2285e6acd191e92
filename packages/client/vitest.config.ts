import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // Tests import the packages by name, as users do; here those names mean the sources.
  resolve: {
    alias: [
      { find: /^@tvs\/client$/, replacement: src('./src/index.ts') },
      { find: /^@tvs\/envelope$/, replacement: src('../envelope/src/index.ts') },
      { find: /^@tvs\/envelope\/server$/, replacement: src('../envelope/src/server.ts') },
      { find: /^@tvs\/signer$/, replacement: src('../signer/src/index.ts') },
      { find: /^@tvs\/mock-gateway$/, replacement: src('../mock-gateway/src/index.ts') },
      { find: /^@tvs\/mock-gateway\/node$/, replacement: src('../mock-gateway/src/node.ts') },
    ],
  },
  define: { __TVS_CLIENT_VERSION__: JSON.stringify(version) },
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 20_000 },
});
