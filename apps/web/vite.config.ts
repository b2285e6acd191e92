import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page: index.html + src/, built into dist/page (dist/server is the Node launcher's).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs, so the built page works from any folder of a static host.
  base: './',
  build: {
    outDir: 'dist/page',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  logLevel: 'warn',
});
