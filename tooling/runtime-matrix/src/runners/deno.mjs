// Deno with no permissions and no config: the bundle needs no files, and no network beyond the
// matrix's loopback gateway when it is given one.
import { join } from 'node:path';
import { RUNTIMES_DIR } from '../paths.mjs';
import { childEnv, driverFor, runChild } from './child.mjs';

/** @param {import('./child.mjs').ChildJob} job */
export async function run({ esm, binary, name, context }) {
  const args = ['run', '--quiet', '--no-prompt', '--no-config', '--no-lock', '--no-remote'];
  // Exactly the loopback gateway's host and port, nothing else.
  if (context?.loopback) args.push(`--allow-net=${new URL(context.loopback.url).host}`);
  const env = childEnv({
    DENO_DIR: join(RUNTIMES_DIR, 'deno-dir'), // keeps Deno's cache inside the repo's cache
    DENO_NO_UPDATE_CHECK: '1',
    DENO_NO_PACKAGE_JSON: '1', // do not treat the harness's package.json as a Deno project
  });
  return runChild(binary, [...args, driverFor(esm, name, context)], env);
}
