// Where things live: the repository root (found, not assumed) and the caches under it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HARNESS_DIR = fileURLToPath(new URL('..', import.meta.url));

function findRoot(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`);
  }
}

export const REPO_ROOT = findRoot(HARNESS_DIR);
/** Runtimes are shared by every checkout tool of the repo, so they sit in the root's cache. */
export const RUNTIMES_DIR = join(REPO_ROOT, '.cache', 'runtimes');
/** Bundles and results are this package's own (gitignored by the root's `.cache/`). */
export const CACHE_DIR = join(HARNESS_DIR, '.cache');
