// The Vercel Edge Runtime: a Node vm context with only the Web APIs; the IIFE bundle defines the
// matrix global in it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EdgeVM } from '@edge-runtime/vm';
import { GLOBAL_NAME } from '../bundle.mjs';
import { withTimeout } from './timeout.mjs';

const require = createRequire(import.meta.url);
export const { version } = require('@edge-runtime/vm/package.json');

/** @param {{ iife: string }} context */
export async function run({ iife }) {
  const vm = new EdgeVM();
  vm.evaluate(readFileSync(iife, 'utf8'));
  // JSON across the realm boundary: objects from the VM have the VM's prototypes.
  const json = await withTimeout(
    vm.evaluate(`${GLOBAL_NAME}.runMatrix().then((r) => JSON.stringify(r))`),
    'edge-runtime',
  );
  return { ...JSON.parse(json), version };
}
