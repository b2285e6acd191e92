#!/usr/bin/env node
// `pnpm release:verify`: the release path rehearsed for real, without the public registry.
//
//  1. Copies the working tree (tracked and untracked files, minus what .gitignore ignores) into a
//     temp folder, so `changeset version` never touches the developer's checkout.
//  2. Starts a throwaway Verdaccio on 127.0.0.1 (random port, storage and config in the temp
//     folder, no uplinks: it serves only what is published to it) and gets a token from its
//     adduser API.
//  3. In the copy: install, `pnpm version-packages` (changeset version), then — after asserting
//     that the publish registry is that loopback Verdaccio — `pnpm release` (build +
//     changeset publish): the very scripts the release workflow runs. A second round adds a patch
//     changeset to the package with the most internal dependents and checks that exactly it and
//     its dependents are bumped, republished, and re-pointed at it.
//  4. In a fresh temp consumer, installs @tvs/* with plain npm (only the @tvs scope routed to
//     Verdaccio) and proves them: ESM import + CJS require of every entry on Node 24 and 22,
//     a TypeScript consumer under `nodenext` and `bundler`, a signer vector in Deno and Bun, the
//     client making a video against the mock gateway, and `tvs-batch` running a small CSV.
//  5. Stops Verdaccio and deletes every temp folder, on success, failure or Ctrl-C.
import { fork } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureRuntime } from '@tvs/runtime-matrix/src/install-runtimes.mjs';
import { RUNTIMES_DIR } from '@tvs/runtime-matrix/src/paths.mjs';
import { RUNTIMES } from '@tvs/runtime-matrix/src/runtimes.mjs';
import { run, running, stop } from './exec.mjs';
import { isLoopbackRegistry } from './registry-guard.mjs';
import {
  internalRuntimeDeps,
  publicPackages,
  REPO_ROOT,
  readJson,
  TOOL_DIR,
} from './workspace.mjs';

const started = performance.now();
const timings = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one named step, printing its duration (and keeping it for the summary). */
async function step(name, fn) {
  const t = performance.now();
  console.log(`• ${name}`);
  const result = await fn();
  const took = performance.now() - t;
  timings.push([name, took]);
  console.log(`  done in ${seconds(took)}`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: temp folders and the registry process, whatever happens.

const TEMP_PREFIX = 'tvs-release-verify-';
sweepAbandoned();
const temp = mkdtempSync(join(tmpdir(), TEMP_PREFIX));
// Who owns the folder: a run killed too hard to clean up (SIGKILL) is swept by the next one.
writeFileSync(join(temp, 'owner.pid'), String(process.pid));

/** Deletes the temp folders of earlier runs whose process is gone. */
function sweepAbandoned() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let pid = Number.NaN;
    try {
      pid = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
    } catch {}
    let alive = false;
    try {
      alive = Number.isInteger(pid) && pid > 0 && process.kill(pid, 0);
    } catch (error) {
      alive = /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
    }
    if (!alive) rmSync(dir, { recursive: true, force: true });
  }
}
/** @type {import('node:child_process').ChildProcess | undefined} */
let registryProcess;
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  registryProcess?.kill('SIGTERM');
  for (const child of running) stop(child);
  if (process.env.TVS_RELEASE_VERIFY_KEEP === '1')
    console.log(`kept ${temp} (TVS_RELEASE_VERIFY_KEEP=1)`);
  else rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    cleanup();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

const repo = join(temp, 'repo');
const consumer = join(temp, 'consumer');
const registryDir = join(temp, 'registry');
const node24 = process.execPath;

/** Environment of everything run in the copy: no inherited npm/pnpm registry or auth settings. */
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_config_/i.test(key)),
);
baseEnv.TURBO_TELEMETRY_DISABLED = '1';
baseEnv.DO_NOT_TRACK = '1';
// The copy's commits and `changeset publish`'s tags need an identity; CI has no git config.
for (const role of ['AUTHOR', 'COMMITTER']) {
  baseEnv[`GIT_${role}_NAME`] = 'release-verify';
  baseEnv[`GIT_${role}_EMAIL`] = 'release-verify@localhost';
}

try {
  if (!process.versions.node.startsWith('24.')) {
    throw new Error(`release:verify runs on Node 24 (the toolchain's); this is ${process.version}`);
  }
  // The runtimes come from the runtime matrix's cache (installed there on first use).
  const runtime = (name) => {
    const rt = RUNTIMES.find((r) => r.name === name);
    if (!rt) throw new Error(`the runtime matrix has no runtime "${name}"`);
    return ensureRuntime(rt);
  };
  const runtimes = Promise.all([runtime('node22'), runtime('deno'), runtime('bun')]);
  runtimes.catch(() => {}); // awaited below; keeps an early failure from being unhandled

  await step('copy the working tree', () => copyWorkingTree(REPO_ROOT, repo));
  const registry = await step('start Verdaccio on 127.0.0.1', () => startRegistry(registryDir));
  console.log(`  registry ${registry.url} (storage in ${registryDir})`);
  await step('pnpm install in the copy', () =>
    run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], { cwd: repo, env: baseEnv }),
  );
  // Only now point the copy at Verdaccio: the install above needed the normal registry.
  writeFileSync(
    join(repo, '.npmrc'),
    `registry=${registry.url}\n//127.0.0.1:${registry.port}/:_authToken=${registry.token}\n`,
  );
  const env = { ...baseEnv, npm_config_registry: registry.url, pnpm_config_registry: registry.url };

  // Round 1: the changesets that are pending in the working tree.
  const before = versionsIn(repo);
  const pending = readdirSync(join(repo, '.changeset')).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  );
  await step(`pnpm version-packages (${pending.length} pending changesets)`, () =>
    run('pnpm', ['run', 'version-packages'], { cwd: repo, env }),
  );
  const round1 = versionsIn(repo);
  checkVersioned(repo, before, round1, pending.length);
  await step('pnpm release (build + changeset publish) to Verdaccio', () =>
    publish(repo, env, registry),
  );
  await checkRegistry(registry, round1);

  // Round 2: a patch to the package with the most internal dependents.
  const target = mostDepended(repo);
  writeFileSync(
    join(repo, '.changeset', 'release-verify-rehearsal.md'),
    `---\n"${target.name}": patch\n---\n\nRehearsal patch (release:verify).\n`,
  );
  await step(`pnpm version-packages (patch ${target.name})`, () =>
    run('pnpm', ['run', 'version-packages'], { cwd: repo, env }),
  );
  const round2 = versionsIn(repo);
  checkDependentBumps(repo, target, round1, round2);
  const published2 = await step('pnpm release (round 2)', () => publish(repo, env, registry));
  const bumped = [...round2].filter(([name, v]) => round1.get(name) !== v).map(([name]) => name);
  if (published2.sort().join() !== bumped.sort().join()) {
    throw new Error(`round 2 published [${published2}], expected exactly [${bumped}]`);
  }
  await checkRegistry(registry, round2);

  // The consumer: plain npm, @tvs from Verdaccio, everything else as usual.
  await step('npm install @tvs/* in a fresh consumer', () =>
    makeConsumer(consumer, registry, round2),
  );
  const [node22, deno, bun] = await step('runtimes (cached in .cache/runtimes)', () => runtimes);
  await step('ESM import + CJS require on Node 24 and 22', async () => {
    const outputs = await Promise.all(
      [node24, node22].map((bin) => run(bin, ['imports.mjs'], { cwd: consumer, env: baseEnv })),
    );
    console.log(`\n${indent(outputs.join(''))}`);
  });
  await step('TypeScript consumer: nodenext and bundler', async () => {
    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    await Promise.all(
      ['tsconfig.nodenext.json', 'tsconfig.bundler.json'].map((config) =>
        run(node24, [tsc, '-p', config], { cwd: consumer, env: baseEnv }),
      ),
    );
  });
  await step('signer vector in Node, Deno and Bun', async () => {
    const denoEnv = {
      ...baseEnv,
      DENO_DIR: join(RUNTIMES_DIR, 'deno-dir'),
      DENO_NO_UPDATE_CHECK: '1',
    };
    const outputs = await Promise.all([
      run(node24, ['vector.mjs'], { cwd: consumer, env: baseEnv }),
      run(deno, ['run', '--quiet', '--no-prompt', '--no-remote', '--allow-read', 'vector.mjs'], {
        cwd: consumer,
        env: denoEnv,
      }),
      run(bun, ['--no-install', 'vector.mjs'], { cwd: consumer, env: baseEnv }),
    ]);
    console.log(`\n${indent(outputs.join(''))}`);
  });
  await step('client makes a video against the mock gateway (Node 24 and 22)', async () => {
    const outputs = await Promise.all(
      [node24, node22].map((bin) => run(bin, ['video.mjs'], { cwd: consumer, env: baseEnv })),
    );
    console.log(`\n${indent(outputs.join(''))}`);
  });
  await step('tvs-batch runs a small CSV against the mock gateway (Node 24 and 22)', async () => {
    const outputs = await Promise.all(
      [node24, node22].map((bin) => run(bin, ['batch.mjs'], { cwd: consumer, env: baseEnv })),
    );
    console.log(`\n${indent(outputs.join(''))}`);
  });

  const total = performance.now() - started;
  const list = [...round2].map(([name, v]) => `${name}@${v}`).join(', ');
  console.log('\ntimings:');
  for (const [name, took] of timings) console.log(`  ${seconds(took).padStart(7)}  ${name}`);
  console.log(`\nrelease:verify passed in ${seconds(total)}: ${list}`);
} catch (error) {
  console.error(`\nrelease:verify FAILED: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  cleanup();
}

// ---------------------------------------------------------------------------------------------

function indent(text) {
  return text
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Copies tracked and untracked-but-not-ignored files (as they are on disk) into `to`. */
async function copyWorkingTree(from, to) {
  const listed = await run(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: from,
    },
  );
  const files = [...new Set(listed.split('\0').filter(Boolean))];
  for (const file of files) {
    const source = join(from, file);
    if (!existsSync(source)) continue; // deleted in the working tree
    const target = join(to, file);
    mkdirSync(dirname(target), { recursive: true });
    if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else copyFileSync(source, target);
  }
  // A repository of its own: `changeset publish` tags the release in it.
  const git = (...args) => run('git', args, { cwd: to, env: baseEnv });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '--no-verify', '-m', 'working tree snapshot');
}

/**
 * Starts Verdaccio in a child process on 127.0.0.1 with a random free port, and creates the
 * publishing user through its adduser API.
 * @returns {Promise<{ url: string, port: number, token: string }>}
 */
async function startRegistry(dir) {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: 1',
      '# No uplinks: this registry serves only what is published to it and fetches nothing.',
      'uplinks: {}',
      'packages:',
      "  '@tvs/*':",
      '    access: $all',
      '    publish: $authenticated',
      '    unpublish: $authenticated',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  const child = fork(join(TOOL_DIR, 'src', 'registry-server.mjs'), [config], {
    cwd: dir,
    env: baseEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  registryProcess = child;
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Verdaccio did not start in 30 s\n${log}`)),
      30_000,
    );
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message.port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Verdaccio exited ${code} while starting\n${log}`));
    });
  });
  const url = `http://127.0.0.1:${port}/`;
  const password = crypto.randomUUID();
  const response = await fetch(new URL('-/user/org.couchdb.user:release-verify', url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release-verify', password }),
  });
  const body = await response.json();
  if (response.status !== 201 || typeof body.token !== 'string') {
    throw new Error(`Verdaccio adduser answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return { url, port, token: body.token };
}

/** @returns {Map<string, string>} name → version of every public package in `root` */
function versionsIn(root) {
  return new Map(publicPackages(root).map((p) => [p.name, p.pkg.version]));
}

/** After `changeset version`: changesets consumed, and every bumped package has a CHANGELOG. */
function checkVersioned(root, before, after, pendingCount) {
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
function mostDepended(root) {
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
function checkDependentBumps(root, target, before, after) {
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

/**
 * Refuses to publish unless every way pnpm could pick a registry for @tvs/* in the copy leads to
 * the loopback Verdaccio; then runs `pnpm release` (build the packages, `changeset publish`).
 * @returns {Promise<string[]>} the names it published
 */
async function publish(root, env, registry) {
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
async function checkRegistry(registry, versions) {
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

/** A fresh npm project: @tvs/* from Verdaccio (scope-routed), TypeScript and @types/node as usual. */
async function makeConsumer(dir, registry, versions) {
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
