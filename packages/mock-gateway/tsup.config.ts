import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts', 'src/node.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    sourcemap: false,
  },
  {
    // The CLI: ESM only, self-contained, keeps its shebang.
    entry: { cli: 'src/node/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'es2022',
    sourcemap: false,
  },
]);
