import { defineConfig } from 'tsup';

export default defineConfig({
  // The bin: ESM only, keeps its shebang; dependencies stay external (installed beside it),
  // except @tvs/app-common, which ships TypeScript sources for each app to bundle.
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  dts: false,
  clean: true,
  target: 'node22',
  platform: 'node',
  sourcemap: false,
  noExternal: ['@tvs/app-common'],
});
