// Publishing the copy to the loopback Verdaccio, and what Verdaccio then holds.
import { run } from './exec.mjs';
import { isLoopbackRegistry } from './registry-guard.mjs';
import { publicPackages } from './workspace.mjs';

/**
 * Refuses to publish unless every way pnpm could pick a registry for @tvs/* in the copy leads to
 * the loopback Verdaccio; then runs `pnpm release` (build the packages, `changeset publish`).
 * @returns {Promise<string[]>} the names it published
 */
export async function publish(root, env, registry) {
  const isOurs = (value) => isLoopbackRegistry(value, registry.port);
  const get = async (key, cwd) => (await run('pnpm', ['config', 'get', key], { cwd, env })).trim();
  const checks = publicPackages(root).map(async ({ name, dir, pkg }) => {
    const [configured, scoped] = await Promise.all([
      get('registry', dir),
      get('@tvs:registry', dir),
    ]);
    const fromManifest = [pkg.publishConfig?.registry, pkg.publishConfig?.['@tvs:registry']];
    const bad = [configured, ...(scoped === 'undefined' || scoped === '' ? [] : [scoped])]
      .concat(fromManifest.filter(Boolean))
      .filter((value) => !isOurs(value));
    if (bad.length > 0) {
      throw new Error(
        `refusing to publish ${name}: its registry would be ${bad.join(', ')}, not ${registry.url}`,
      );
    }
  });
  await Promise.all(checks);
  // pnpm may hand the upload to npm: npm's view of the copy must agree.
  const npmRegistry = (await run('npm', ['config', 'get', 'registry'], { cwd: root, env })).trim();
  if (!isOurs(npmRegistry)) {
    throw new Error(`refusing to publish: npm's registry in the copy is ${npmRegistry}`);
  }
  console.log(`  every public package publishes to ${registry.url} (asserted)`);
  const before = await publishedVersions(registry, root);
  await run('pnpm', ['run', 'release'], { cwd: root, env });
  const after = await publishedVersions(registry, root);
  const published = [...after].filter(([name, v]) => v && before.get(name) !== v).map(([n]) => n);
  const tags = (await run('git', ['tag', '--list'], { cwd: root })).trim().split('\n');
  for (const name of published) {
    if (!tags.includes(`${name}@${after.get(name)}`)) {
      throw new Error(`changeset publish did not tag ${name}@${after.get(name)}`);
    }
  }
  console.log(`  published: ${published.map((n) => `${n}@${after.get(n)}`).join(', ')}`);
  return published;
}

/** @returns {Promise<Map<string, string | undefined>>} name → the copy's version if Verdaccio has it */
async function publishedVersions(registry, root) {
  const result = new Map();
  for (const { name, pkg } of publicPackages(root)) {
    const response = await fetch(new URL(name.replace('/', '%2f'), registry.url));
    const doc = response.ok ? await response.json() : { versions: {} };
    if (!response.ok && response.status !== 404) {
      throw new Error(`Verdaccio answered ${response.status} for ${name}`);
    }
    result.set(name, doc.versions?.[pkg.version] ? pkg.version : undefined);
  }
  return result;
}

/** What Verdaccio holds: the versions as `latest`, and no `workspace:` range in any manifest. */
export async function checkRegistry(registry, versions) {
  const names = new Set(versions.keys());
  for (const [name, version] of versions) {
    const response = await fetch(new URL(name.replace('/', '%2f'), registry.url));
    if (!response.ok) throw new Error(`${name} is not in Verdaccio (${response.status})`);
    const doc = await response.json();
    if (doc['dist-tags']?.latest !== version) {
      throw new Error(
        `${name}: Verdaccio's latest is ${doc['dist-tags']?.latest}, expected ${version}`,
      );
    }
    const manifest = doc.versions[version];
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
        if (String(range).startsWith('workspace:')) {
          throw new Error(`${name}@${version} was published with ${dep}@${range}`);
        }
        if (names.has(dep) && range !== `^${versions.get(dep)}`) {
          throw new Error(
            `${name}@${version} depends on ${dep}@${range}, expected ^${versions.get(dep)}`,
          );
        }
      }
    }
  }
}
