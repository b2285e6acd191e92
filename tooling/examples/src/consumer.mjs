// The fresh project the examples run in: every public package packed with `pnpm pack` (as it
// would be published) and installed from its tarball with plain npm, beside what the examples'
// own install lines name. The folder is kept in .cache/ between runs, so npm reuses what did not
// change and reinstalls only the tarballs.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { packPublicPackages } from '@tvs/release-check/src/pack.mjs';
import { REPO_ROOT } from '@tvs/release-check/src/workspace.mjs';

const exec = promisify(execFile);

export const CACHE = join(REPO_ROOT, 'tooling', 'examples', '.cache');
export const CONSUMER = join(CACHE, 'consumer');
const TARBALLS = join(CACHE, 'tarballs');

/**
 * What the examples install beside the SDK, as their install lines say: vitest (the mock
 * gateway's README examples are tests), undici (the client's proxy example) and Node's types.
 * Versions are the repository's own where it has them.
 */
function thirdPartyDependencies() {
  const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  return {
    '@types/node': root.devDependencies['@types/node'],
    undici: '7.28.0',
    vitest: root.devDependencies.vitest,
  };
}

/** The compiler options every example must pass: strict, Node's ESM, types Node can strip. */
export const COMPILER_OPTIONS = {
  module: 'nodenext',
  moduleResolution: 'nodenext',
  moduleDetection: 'force',
  target: 'es2023',
  lib: ['esnext', 'dom', 'dom.iterable'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  allowImportingTsExtensions: true,
  allowJs: true,
  checkJs: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Packs the public packages and installs them, fresh, into the consumer project.
 * @returns {Promise<{ dir: string, packages: string[], installMs: number }>}
 */
export async function prepareConsumer() {
  rmSync(TARBALLS, { recursive: true, force: true });
  const packed = await packPublicPackages(TARBALLS);
  mkdirSync(CONSUMER, { recursive: true });
  const manifest = {
    name: 'tvs-examples-consumer',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(
      packed.map(({ name, tarball }) => [name, `file:${relative(CONSUMER, tarball)}`]),
    ),
    devDependencies: thirdPartyDependencies(),
  };
  writeFileSync(join(CONSUMER, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(CONSUMER, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ['run', 'examples'] }, null, 2)}\n`,
  );
  forgetTarballs(packed.map(({ name }) => name));
  const started = performance.now();
  await exec(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    { cwd: CONSUMER, env: npmEnv(), maxBuffer: 16 * 2 ** 20 },
  );
  return {
    dir: CONSUMER,
    packages: packed.map(({ name }) => name),
    installMs: performance.now() - started,
  };
}

/**
 * The tarballs keep their names from one run to the next (`tvs-client-0.0.0.tgz`), so npm would
 * keep what it installed last time: the installed copies and their lock entries go first.
 */
function forgetTarballs(names) {
  for (const name of names)
    rmSync(join(CONSUMER, 'node_modules', name), { recursive: true, force: true });
  const lockFile = join(CONSUMER, 'package-lock.json');
  if (!existsSync(lockFile)) return;
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  for (const name of names) delete lock.packages?.[`node_modules/${name}`];
  writeFileSync(lockFile, JSON.stringify(lock, null, 2));
}

/** npm's environment: the caller's, without pnpm's settings for the workspace. */
function npmEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm|pnpm)_(config|package|lifecycle)_/i.test(key),
    ),
  );
}

/** The ESM entry of an installed package, by its `exports` (`.` or a subpath). */
export function installedEntry(name, subpath = '.') {
  const dir = join(CONSUMER, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const target = pkg.exports?.[subpath]?.import?.default ?? pkg.exports?.[subpath]?.import;
  if (typeof target !== 'string') throw new Error(`${name} has no ESM entry for ${subpath}`);
  return join(dir, target);
}
