// Bun runs the ESM bundle directly; --no-install keeps it from fetching anything.
import { childEnv, driverFor, runChild } from './child.mjs';

/** @param {{ esm: string, binary: string }} context */
export async function run({ esm, binary }) {
  return runChild(binary, ['--no-install', driverFor(esm)], childEnv({ DO_NOT_TRACK: '1' }));
}
