// What `changeset version` must have done to the copy's packages, round by round.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { internalRuntimeDeps, publicPackages } from './workspace.mjs';

/** @returns {Map<string, string>} name → version of every public package in `root` */
export function versionsIn(root) {
  return new Map(publicPackages(root).map((p) => [p.name, p.pkg.version]));
}

/** After `changeset version`: changesets consumed, and every bumped package has a CHANGELOG. */
export function checkVersioned(root, before, after, pendingCount) {
  const left = readdirSync(join(root, '.changeset')).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  );
  if (left.length > 0) throw new Error(`changeset version left changesets behind: ${left}`);
  const bumped = [...after].filter(([name, v]) => before.get(name) !== v);
  if (pendingCount > 0 && bumped.length === 0) {
    throw new Error(`${pendingCount} changesets were pending but no package was bumped`);
  }
  for (const { name, dir } of publicPackages(root)) {
    if (before.get(name) !== after.get(name) && !existsSync(join(dir, 'CHANGELOG.md'))) {
      throw new Error(`${name} was bumped to ${after.get(name)} but has no CHANGELOG.md`);
    }
  }
  const list = bumped.map(([name, v]) => `${name} ${before.get(name)} → ${v}`).join(', ');
  console.log(`  bumped: ${list || 'nothing (no pending changesets)'}`);
}

/** The public package that the most other public packages depend on at run time. */
export function mostDepended(root) {
  const packages = publicPackages(root);
  const names = new Set(packages.map((p) => p.name));
  const count = (name) =>
    packages.filter((p) => internalRuntimeDeps(p.pkg, names).includes(name)).length;
  return packages
    .map((p) => ({ ...p, dependents: count(p.name) }))
    .sort((a, b) => b.dependents - a.dependents)[0];
}

function patchOf(version) {
  const [major, minor, patch] = version.split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
}

/** Round 2: the target and exactly its (transitive) internal dependents got patch bumps. */
export function checkDependentBumps(root, target, before, after) {
  const packages = publicPackages(root);
  const names = new Set(packages.map((p) => p.name));
  const affected = new Set([target.name]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of packages) {
      if (!affected.has(p.name) && internalRuntimeDeps(p.pkg, names).some((d) => affected.has(d))) {
        affected.add(p.name);
        grew = true;
      }
    }
  }
  for (const { name, dir } of packages) {
    const want = affected.has(name) ? patchOf(before.get(name)) : before.get(name);
    if (after.get(name) !== want) {
      throw new Error(`${name}: changeset version made ${after.get(name)}, expected ${want}`);
    }
    if (affected.has(name) && !readFileSync(join(dir, 'CHANGELOG.md'), 'utf8').includes(want)) {
      throw new Error(`${name}: CHANGELOG.md does not mention ${want}`);
    }
  }
  const dependents = [...affected].filter((n) => n !== target.name);
  console.log(
    `  ${target.name} → ${after.get(target.name)}; dependents patched: ${dependents.join(', ') || 'none'}`,
  );
}
