// Installs the runtimes the matrix needs: Node 20/22, Deno and Bun from the npm registry into
// <repo>/.cache/runtimes/<name>-<version>/ (cached: skipped when the binary is there), and Debian's
// chromium when it is missing and we may install it. `node src/install-runtimes.mjs` installs all.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIMES_DIR } from './paths.mjs';
import { RUNTIMES } from './runtimes.mjs';

export const CHROMIUM = '/usr/bin/chromium';
const NPM_TIMEOUT_MS = 180_000;
const APT_TIMEOUT_MS = 600_000;

/** One promise per install, so adapters sharing an install (none yet) never race each other. */
const pending = new Map();

/**
 * @param {import('./runtimes.mjs').Runtime} rt
 * @returns {Promise<string | undefined>} the binary to run, if the runtime has one to install
 */
export function ensureRuntime(rt) {
  if (rt.name === 'chromium') return memo('chromium', ensureChromium);
  if (!rt.npm) return Promise.resolve(undefined);
  const { pkg, version, bin } = rt.npm;
  const dir = join(RUNTIMES_DIR, `${pkg}-${version}`);
  return memo(dir, () => installNpm(dir, `${pkg}@${version}`, bin));
}

function memo(key, install) {
  if (!pending.has(key)) pending.set(key, install());
  return pending.get(key);
}

async function installNpm(dir, spec, bin) {
  const binary = join(dir, 'node_modules', '.bin', bin);
  if (existsSync(binary)) return binary;
  // Install beside the target and rename at the end: an interrupted install never looks done.
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  // These packages fetch their binary in an install script; allowScripts says that is intended.
  const manifest = { private: true, allowScripts: { node: true, deno: true, bun: true } };
  writeFileSync(join(tmp, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const started = Date.now();
  const args = ['install', '--prefix', tmp, spec, '--no-audit', '--no-fund', '--loglevel=error'];
  // A registry npm cannot reach (e.g. a TLS CA variable lost on the way) retries for many minutes.
  await exec('npm', args, process.env, NPM_TIMEOUT_MS).catch((error) => {
    throw new Error(
      `${error.message}\n(can npm reach the registry from here? \`npm view ${spec} version\`)`,
    );
  });
  if (!existsSync(join(tmp, 'node_modules', '.bin', bin))) {
    throw new Error(`npm installed ${spec} but left no ${bin} binary in ${tmp}`);
  }
  if (existsSync(binary))
    rmSync(tmp, { recursive: true, force: true }); // a parallel run won
  else {
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
  console.log(`installed ${spec} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return binary;
}

async function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Chromium is missing (${CHROMIUM}). Install Debian's package as root ` +
        '(`apt-get install -y chromium`), or skip it: TVS_MATRIX_SKIP=chromium',
    );
  }
  console.log('installing Debian chromium (apt-get, about a minute)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await exec('apt-get', ['update', '-qq'], env, APT_TIMEOUT_MS);
  const install = ['install', '-y', '-qq', '--no-install-recommends', 'chromium'];
  await exec('apt-get', install, env, APT_TIMEOUT_MS);
  if (!existsSync(CHROMIUM))
    throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
  return CHROMIUM;
}

function exec(command, args, env, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(output);
      const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exited ${code}`;
      reject(new Error(`${command} ${args.join(' ')} ${why}\n${output.slice(-2000)}`));
    });
  });
}

if (import.meta.main) {
  const results = await Promise.allSettled(RUNTIMES.map(ensureRuntime));
  let failed = false;
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      failed = true;
      console.error(`${RUNTIMES[i].name}: ${r.reason.message}`);
    } else if (r.value) console.log(`${RUNTIMES[i].name}: ${r.value}`);
  });
  process.exitCode = failed ? 1 : 0;
}
