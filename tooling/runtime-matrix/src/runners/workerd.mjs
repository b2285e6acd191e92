// workerd, the Cloudflare Workers runtime, through Miniflare: the ESM bundle is the Worker
// script and its fetch handler runs the matrix.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Miniflare } from 'miniflare';
import { withTimeout } from './timeout.mjs';

const require = createRequire(import.meta.url);
// workerd is Miniflare's dependency; its version is the runtime's version.
const workerdPackage = createRequire(require.resolve('miniflare')).resolve('workerd/package.json');
export const version = JSON.parse(readFileSync(workerdPackage, 'utf8')).version;

/** @param {{ esm: string }} context */
export async function run({ esm }) {
  const mf = new Miniflare({
    // The one module listed explicitly, as wrangler uploads a bundle: with `modules: true`
    // Miniflare would scan the script for imports and refuse any `import(nonLiteral)` (such as
    // the mock gateway's lazy Node-only `listen` adapter), though workerd only resolves a dynamic
    // import when it runs.
    modules: [{ type: 'ESModule', path: esm, contents: readFileSync(esm, 'utf8') }],
    // A fixed date: the behaviour tested must not drift with the day the matrix runs.
    compatibilityDate: '2026-01-01',
  });
  try {
    const response = await withTimeout(mf.dispatchFetch('http://matrix.localhost/'), 'workerd');
    const body = await response.text();
    if (!response.ok) throw new Error(`the Worker answered ${response.status}: ${body}`);
    return { ...JSON.parse(body), version };
  } finally {
    await mf.dispose();
  }
}
