import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // Tests import the package by name, as users do; here that name means the sources.
  resolve: {
    alias: {
      '@tvs/client': src('./src/index.ts'),
      '@tvs/envelope': src('../envelope/src/index.ts'),
      '@tvs/signer': src('../signer/src/index.ts'),
      '@tvs/mock-gateway': src('../mock-gateway/src/index.ts'),
    },
  },
  define: { __TVS_CLIENT_VERSION__: JSON.stringify(version) },
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 20_000 },
});
