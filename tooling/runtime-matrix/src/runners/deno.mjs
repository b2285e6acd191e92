// Deno with no permissions and no config: the bundle needs neither files nor network.
import { join } from 'node:path';
import { RUNTIMES_DIR } from '../paths.mjs';
import { childEnv, driverFor, runChild } from './child.mjs';

/** @param {{ esm: string, binary: string }} context */
export async function run({ esm, binary }) {
  const args = ['run', '--quiet', '--no-prompt', '--no-config', '--no-lock', '--no-remote'];
  const env = childEnv({
    DENO_DIR: join(RUNTIMES_DIR, 'deno-dir'), // keeps Deno's cache inside the repo's cache
    DENO_NO_UPDATE_CHECK: '1',
    DENO_NO_PACKAGE_JSON: '1', // do not treat the harness's package.json as a Deno project
  });
  return runChild(binary, [...args, driverFor(esm)], env);
}
