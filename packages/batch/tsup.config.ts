import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM and CommonJS, declarations for both.
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node22',
    platform: 'node',
    sourcemap: false,
    // `node:sqlite` exists only under its `node:` name.
    removeNodeProtocol: false,
    tsconfig: 'tsconfig.build.json',
  },
  {
    // The bin: ESM only, keeps its shebang; dependencies stay external (installed beside it).
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    target: 'node22',
    platform: 'node',
    sourcemap: false,
    // `node:sqlite` exists only under its `node:` name.
    removeNodeProtocol: false,
    tsconfig: 'tsconfig.build.json',
  },
]);
