import { defineConfig } from 'tsup';

export default defineConfig({
  // The bin: ESM only, keeps its shebang; dependencies stay external (installed beside it).
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  dts: false,
  clean: true,
  target: 'node22',
  platform: 'node',
  sourcemap: false,
});
