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
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRuntime } from '@tvs/runtime-matrix/src/install-runtimes.mjs';
import { RUNTIMES_DIR } from '@tvs/runtime-matrix/src/paths.mjs';
import { RUNTIMES } from '@tvs/runtime-matrix/src/runtimes.mjs';
import { baseEnv } from './base-env.mjs';
import { checkDependentBumps, checkVersioned, mostDepended, versionsIn } from './bump-checks.mjs';
import { makeConsumer } from './consumer.mjs';
import { copyWorkingTree } from './copy-tree.mjs';
import { run, running, stop } from './exec.mjs';
import { checkRegistry, publish } from './publish.mjs';
import { startRegistry } from './registry.mjs';
import { REPO_ROOT } from './workspace.mjs';

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
  const registry = await step('start Verdaccio on 127.0.0.1', () =>
    startRegistry(registryDir, (child) => {
      registryProcess = child;
    }),
  );
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

function indent(text) {
  return text
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
