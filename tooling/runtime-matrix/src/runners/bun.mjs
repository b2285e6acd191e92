// Bun runs the ESM bundle directly; --no-install keeps it from fetching anything.
import { childEnv, driverFor, runChild } from './child.mjs';

/** @param {import('./child.mjs').ChildJob} job */
export async function run({ esm, binary, name, context }) {
  const driver = driverFor(esm, name, context);
  return runChild(binary, ['--no-install', driver], childEnv({ DO_NOT_TRACK: '1' }));
}
