import { defineConfig } from 'tsup';

export default defineConfig({
  // The Node launcher (`@tvs/web/stack`); the page itself is built by Vite into dist/page.
  entry: { stack: 'server/stack.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node22',
  platform: 'node',
  sourcemap: false,
});
