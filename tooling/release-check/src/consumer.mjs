// The fresh consumer project that installs the published packages as a user would.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv } from './base-env.mjs';
import { run } from './exec.mjs';
import { REPO_ROOT, readJson, TOOL_DIR } from './workspace.mjs';

/** A fresh npm project: @tvs/* from Verdaccio (scope-routed), TypeScript and @types/node as usual. */
export async function makeConsumer(dir, registry, versions) {
  mkdirSync(dir, { recursive: true });
  const rootManifest = readJson(join(REPO_ROOT, 'package.json'));
  const manifest = {
    name: 'tvs-release-consumer',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(versions),
    devDependencies: {
      '@types/node': rootManifest.devDependencies['@types/node'],
      typescript: rootManifest.devDependencies.typescript,
    },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, '.npmrc'), `@tvs:registry=${registry.url}\n`);
  const template = join(TOOL_DIR, 'consumer');
  for (const file of [
    'imports.mjs',
    'vector.mjs',
    'video.mjs',
    'batch.mjs',
    'tsconfig.nodenext.json',
    'tsconfig.bundler.json',
  ]) {
    copyFileSync(join(template, file), join(dir, file));
  }
  mkdirSync(join(dir, 'ts'));
  for (const file of readdirSync(join(template, 'ts')))
    copyFileSync(join(template, 'ts', file), join(dir, 'ts', file));
  // One vector, read from the signer's fixtures now: expected values live only there.
  const { vectors } = readJson(
    join(REPO_ROOT, 'packages/signer/test/fixtures/signature-vectors.json'),
  );
  const vector = vectors.find((v) => v.kind === 'official');
  writeFileSync(join(dir, 'vector.json'), `${JSON.stringify(vector, null, 2)}\n`);

  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    env: baseEnv,
  });
  // What npm installed is byte for byte what Verdaccio holds (nothing else has these tarballs).
  const lock = readJson(join(dir, 'package-lock.json'));
  for (const [name, version] of versions) {
    const entry = lock.packages[`node_modules/${name}`];
    if (entry?.version !== version)
      throw new Error(`the consumer got ${name}@${entry?.version}, not ${version}`);
    const doc = await (await fetch(new URL(name.replace('/', '%2f'), registry.url))).json();
    const integrity = doc.versions[version].dist.integrity;
    if (entry.integrity !== integrity) {
      throw new Error(
        `the consumer's ${name}@${version} (${entry.integrity}) is not Verdaccio's (${integrity})`,
      );
    }
  }
}
