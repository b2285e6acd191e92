// `pnpm pack` of every public package, as `changeset publish` would pack it (`workspace:` ranges
// rewritten): shared by the hygiene test and the examples' fresh consumer (tooling/examples).
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publicPackages } from './workspace.mjs';

const exec = promisify(execFile);

/**
 * Packs each public package into its own folder under `destination` (needs the packages built).
 * @param {string} destination
 * @returns {Promise<Array<{ name: string, dir: string, out: string, tarball: string }>>} sorted by name
 */
export async function packPublicPackages(destination) {
  return Promise.all(
    publicPackages().map(async ({ name, dir }) => {
      const out = join(destination, name.replace('/', '__'));
      mkdirSync(out, { recursive: true });
      const { stdout } = await exec('pnpm', ['pack', '--pack-destination', out, '--json'], {
        cwd: dir,
      });
      const tarball = JSON.parse(stdout.slice(stdout.indexOf('{'))).filename;
      return { name, dir, out, tarball };
    }),
  );
}
