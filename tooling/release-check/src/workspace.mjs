// The repository root (found, not assumed) and its public packages: every packages/* whose
// package.json is not private. Shared by the hygiene test and release:verify.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOL_DIR = fileURLToPath(new URL('..', import.meta.url));

function findRoot(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`);
  }
}

export const REPO_ROOT = findRoot(TOOL_DIR);

/** @param {string} file */
export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * @param {string} root a checkout of the repository
 * @returns {{ name: string, dir: string, rel: string, pkg: Record<string, any> }[]} sorted by name
 */
export function publicPackages(root = REPO_ROOT) {
  const base = join(root, 'packages');
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'package.json')))
    .map((d) => {
      const dir = join(base, d.name);
      const pkg = readJson(join(dir, 'package.json'));
      return { name: pkg.name, dir, rel: `packages/${d.name}`, pkg };
    })
    .filter((p) => p.pkg.private !== true)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The internal packages `pkg` needs at run time (dependencies and peerDependencies). */
export function internalRuntimeDeps(pkg, names) {
  return Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter((d) => names.has(d));
}
