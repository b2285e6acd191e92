// Bundles the Worker the way it is deployed: one ES module, @tvs/signer inlined, no Node APIs.
// Shared by `pnpm build` (scripts/build.mjs) and the tests, so the tests run what ships.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const entry = new URL('../src/worker.ts', import.meta.url).pathname;

/** Bundles src/worker.ts; `outfile` writes it, otherwise the text is returned. */
export async function bundleWorker({ minify = true, outfile } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser', 'import'],
    mainFields: ['module', 'main'],
    minify,
    legalComments: 'none',
    write: outfile !== undefined,
    outfile: outfile ?? 'worker.js',
    logLevel: 'silent',
  });
  if (outfile !== undefined) return undefined;
  return result.outputFiles[0].text;
}

/** Bytes of the minified bundle and of it gzipped at level 9. */
export function sizeOf(code) {
  const bytes = Buffer.byteLength(code);
  return { minified: bytes, gzipped: gzipSync(code, { level: 9 }).length };
}
