#!/usr/bin/env node
// `pnpm build`: dist/worker.js, the file wrangler.toml deploys. With --size, also prints the
// bundle's size and exits 1 when it is over the "sizeBudget" in package.json (min+gz bytes).
import { mkdirSync, readFileSync } from 'node:fs';
import { bundleWorker, sizeOf } from './bundle.mjs';

const outfile = new URL('../dist/worker.js', import.meta.url).pathname;
mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
await bundleWorker({ outfile });
const { minified, gzipped } = sizeOf(readFileSync(outfile));
console.log(`dist/worker.js: ${minified} B minified, ${gzipped} B min+gz`);

if (process.argv.includes('--size')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const limit = pkg.sizeBudget?.find((entry) => entry.path === 'dist/worker.js')?.limit;
  if (typeof limit !== 'number')
    throw new Error('package.json has no sizeBudget for dist/worker.js');
  const ok = gzipped <= limit;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} @tvs/edge-signer dist/worker.js: ${gzipped} B min+gz (budget ${limit} B)`,
  );
  process.exit(ok ? 0 : 1);
}
