// Node 20 and 22 come from .cache/runtimes; Node 24 is the Node running the matrix.
import { childEnv, driverFor, runChild } from './child.mjs';

/** @param {{ esm: string, binary?: string }} context */
export async function run({ esm, binary }) {
  return runChild(binary ?? process.execPath, [driverFor(esm)], childEnv());
}
