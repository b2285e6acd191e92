import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const define = { __TVS_CLIENT_VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'es2022',
    sourcemap: false,
    define,
    tsconfig: 'tsconfig.build.json',
  },
  {
    // ky is ESM-only: the CommonJS build carries its own copy so `require('@tvs/client')` works.
    entry: ['src/index.ts'],
    format: ['cjs'],
    dts: true,
    target: 'es2022',
    sourcemap: false,
    define,
    noExternal: ['ky'],
    tsconfig: 'tsconfig.build.json',
  },
]);
