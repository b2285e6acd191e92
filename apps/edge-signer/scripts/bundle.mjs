// Bundles the Worker the way it is deployed: one ES module, @tvs/signer inlined, no Node APIs.
// Shared by `pnpm build` (scripts/build.mjs) and the tests, so the tests run what ships.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const entry = fileURLToPath(new URL('../src/worker.ts', import.meta.url));

/**
 * Bundles src/worker.ts. Returns the code and the files it was made of (paths relative to the
 * repository root, symlinks resolved); with `outfile`, also writes it there.
 */
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
    metafile: true,
    write: outfile !== undefined,
    outfile: outfile ?? 'worker.js',
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).map((path) =>
    relative(root, fileURLToPath(new URL(path, `file://${process.cwd()}/`))),
  );
  const code = outfile === undefined ? result.outputFiles[0].text : undefined;
  return {
    code,
    inputs,
    imports: result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].imports,
  };
}

/** Bytes of the code and of it gzipped at level 9. */
export function sizeOf(code) {
  return { minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
}
