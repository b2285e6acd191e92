// Finds the workspace packages and the portable suites they list under `runtimeMatrix.suites`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const GROUPS = ['packages', 'apps'];

/**
 * @typedef {{ pkg: string, file: string, path: string }} SuiteRef
 *   pkg: the package name; file: the suite path inside the package; path: absolute
 */

/**
 * @param {string} root        repository root
 * @param {string} harnessDir  tooling/runtime-matrix (its devDependencies are checked)
 * @returns {{ packages: Map<string, string>, suites: SuiteRef[] }} packages: name → directory
 */
export function discover(root, harnessDir) {
  const packages = new Map();
  const suites = [];
  const problems = [];
  const harness = readJson(join(harnessDir, 'package.json'));

  for (const group of GROUPS) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, entry);
      const manifestPath = join(dir, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const manifest = readJson(manifestPath);
      if (typeof manifest.name !== 'string') continue;
      packages.set(manifest.name, dir);

      const listed = manifest.runtimeMatrix?.suites;
      if (listed === undefined) continue;
      const where = `${group}/${entry}/package.json runtimeMatrix.suites`;
      if (!Array.isArray(listed) || listed.length === 0) {
        problems.push(`${where}: expected a non-empty array of suite files`);
        continue;
      }
      // Without the devDependency turbo's ^build would not build the package before the matrix.
      if (harness.devDependencies?.[manifest.name] === undefined) {
        problems.push(
          `${manifest.name} lists portable suites but is not a devDependency of ${harness.name}: ` +
            `add "${manifest.name}": "workspace:*" to ${relative(root, harnessDir)}/package.json`,
        );
      }
      for (const file of listed) {
        const path = resolve(dir, String(file));
        // turbo.json's inputs hash <package>/test/**; a suite elsewhere would be cached stale.
        if (!path.startsWith(join(dir, 'test') + sep)) {
          problems.push(`${where}: ${file} must live under the package's test/ directory`);
        } else if (!existsSync(path)) {
          problems.push(`${where}: ${file} does not exist`);
        } else {
          suites.push({ pkg: manifest.name, file: String(file), path });
        }
      }
    }
  }
  if (problems.length > 0)
    throw new Error(`runtime matrix: bad suite list\n  ${problems.join('\n  ')}`);
  if (suites.length === 0) throw new Error('runtime matrix: no package lists runtimeMatrix.suites');
  return { packages, suites };
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
