// Node 20 and 22 come from .cache/runtimes; Node 24 is the Node running the matrix.
import { childEnv, driverFor, runChild } from './child.mjs';

/** @param {import('./child.mjs').ChildJob} job */
export async function run({ esm, binary, name, context }) {
  return runChild(binary ?? process.execPath, [driverFor(esm, name, context)], childEnv());
}
