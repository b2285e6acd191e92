// Package hygiene, checked on what npm would receive: each public package is packed with
// `pnpm pack` (which rewrites `workspace:` ranges, as `changeset publish` does), unpacked, and its
// tarball and packed package.json are inspected. Needs the packages built (turbo's `^build`).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPublicPackages } from '../src/pack.mjs';
import { internalRuntimeDeps, publicPackages, REPO_ROOT } from '../src/workspace.mjs';

const exec = promisify(execFile);
const packages = publicPackages();
const names = new Set(packages.map((p) => p.name));
const temp = mkdtempSync(join(tmpdir(), 'tvs-hygiene-'));

// biome-ignore lint/suspicious/noExplicitAny: package.json is free-form; the tests check its shape
type Manifest = Record<string, any>;
interface Packed {
  files: string[];
  manifest: Manifest;
}
const packed = new Map<string, Packed>();

beforeAll(async () => {
  const tarballs = await packPublicPackages(temp);
  await Promise.all(
    tarballs.map(async ({ name, out, tarball }) => {
      await exec('tar', ['-xzf', tarball, '-C', out]);
      const { stdout: list } = await exec('tar', ['-tzf', tarball]);
      const files = list
        .split('\n')
        .filter(Boolean)
        .map((f) => f.replace(/^package\//, ''));
      const manifest = JSON.parse(readFileSync(join(out, 'package', 'package.json'), 'utf8'));
      packed.set(name, { files, manifest });
    }),
  );
}, 120_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** `>=20.19` / `>= 20.19.0` → [20, 19, 0]; anything else → undefined. */
function floorOf(range: unknown): [number, number, number] | undefined {
  const m = /^\s*>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(String(range ?? ''));
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}
const atLeast = (a: number[], b: number[]) =>
  a[0]! !== b[0]! ? a[0]! > b[0]! : a[1]! !== b[1]! ? a[1]! > b[1]! : a[2]! >= b[2]!;

/** The package.json of `dep` as installed for the package in `dir` (exports may hide it). */
function installedManifest(dir: string, dep: string): Manifest {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, 'node_modules', dep, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    if (dirname(at) === at) throw new Error(`${dep} is not installed for ${dir}`);
  }
}

/** Every condition object in `exports`, with the subpath it belongs to. */
function conditionObjects(exports: unknown, where = '.'): Array<[string, Record<string, unknown>]> {
  if (typeof exports !== 'object' || exports === null) return [];
  const entries = Object.entries(exports);
  const isSubpathMap = entries.every(([key]) => key.startsWith('.'));
  const own: Array<[string, Record<string, unknown>]> = isSubpathMap
    ? []
    : [[where, exports as Record<string, unknown>]];
  return own.concat(
    entries.flatMap(([key, value]) => conditionObjects(value, isSubpathMap ? key : where)),
  );
}
/** Every file target in `exports`. */
function targets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.values(exports).flatMap(targets);
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/^src\//, 'sources'],
  [/(?<!\.d)\.[cm]?tsx?$/, 'TypeScript sources'],
  [/(^|\/)(test|tests|__tests__)\//, 'tests'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'tests'],
  [/(^|\/)fixtures?\//, 'fixtures'],
  [/(^|\/)__snapshots__\/|\.snap$/, 'snapshots'],
  [/\.tsbuildinfo$|(^|\/)\.turbo\/|(^|\/)\.cache\//, 'build info'],
  [/(^|\/)bench\//, 'benchmarks'],
  [
    /(^|\/)(tsconfig[^/]*\.json|tsup\.config\.[cm]?[jt]s|vitest\.config\.[cm]?[jt]s)$/,
    'build config',
  ],
  [/\.tgz$/, 'tarballs'],
];

it('finds the public packages', () => {
  expect([...names].sort()).toEqual(
    expect.arrayContaining(['@tvs/client', '@tvs/envelope', '@tvs/mock-gateway', '@tvs/signer']),
  );
});

describe.each(packages)('$name', ({ name, rel, pkg, dir }) => {
  const get = () => packed.get(name)!;

  it('has a scoped name, a semver version, a description, keywords and the MIT licence file', () => {
    const { manifest, files } = get();
    expect(manifest.name).toBe(name);
    expect(name).toMatch(/^@tvs\/[a-z][a-z0-9-]*$/);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    expect(typeof manifest.description).toBe('string');
    expect(manifest.description.length).toBeGreaterThan(40);
    expect(Array.isArray(manifest.keywords) && manifest.keywords.length).toBeGreaterThanOrEqual(3);
    expect(manifest.keywords).toContain('tvs');
    expect(manifest.license).toBe('MIT');
    expect(files).toContain('LICENSE');
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
    expect(files).toContain('README.md');
  });

  it('points repository.directory at its folder', () => {
    const { repository } = get().manifest;
    expect(repository).toMatchObject({ type: 'git', directory: rel });
    expect(repository.url).toMatch(/^git\+https:\/\/.+\.git$/);
  });

  it('ships only built files: no sources, tests, fixtures, snapshots or build info', () => {
    const { manifest, files } = get();
    expect(Array.isArray(manifest.files)).toBe(true);
    const offending = files.flatMap((file) =>
      FORBIDDEN.filter(([re]) => re.test(file)).map(([, what]) => `${file} (${what})`),
    );
    expect(offending).toEqual([]);
    expect(files.some((file) => file.startsWith('dist/'))).toBe(true);
  });

  it('has exports with `types` first in every condition, and every target in the tarball', () => {
    const { manifest, files } = get();
    expect(manifest.exports?.['.']).toBeDefined();
    for (const [subpath, conditions] of conditionObjects(manifest.exports)) {
      const keys = Object.keys(conditions);
      if (keys.includes('types')) expect(keys[0], `${subpath}: ${keys}`).toBe('types');
    }
    const declared = targets(manifest.exports).concat(
      [manifest.main, manifest.module, manifest.types].filter(Boolean),
      Object.values(manifest.bin ?? {}) as string[],
    );
    for (const target of declared) {
      if (target === './package.json') continue;
      expect(files, `${target} is not in the tarball (built?)`).toContain(
        target.replace(/^\.\//, ''),
      );
    }
    // Each import/require branch has declarations of its own module kind.
    for (const [subpath, conditions] of conditionObjects(manifest.exports)) {
      const types = conditions['types'];
      if (typeof types !== 'string') continue;
      const isCjsBranch =
        typeof conditions['default'] === 'string' && /\.cjs$/.test(conditions['default']);
      expect(types, subpath).toMatch(isCjsBranch ? /\.d\.cts$/ : /\.d\.ts$/);
    }
  });

  it('is free of side effects', () => {
    expect(get().manifest.sideEffects).toBe(false);
  });

  it('states its real Node floor: no lower than any of its runtime dependencies', () => {
    const { manifest } = get();
    const floor = floorOf(manifest.engines?.node);
    expect(floor, `engines.node "${manifest.engines?.node}" is not a ">=X.Y" floor`).toBeDefined();
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
      const depManifest = installedManifest(dir, dep);
      const depFloor = floorOf(depManifest.engines?.node);
      if (!depFloor) continue;
      expect(
        atLeast(floor!, depFloor),
        `${name} says node ${manifest.engines.node} but ${dep} needs ${depManifest.engines.node}`,
      ).toBe(true);
    }
  });

  it('publishes publicly, to no registry of its own', () => {
    const { manifest } = get();
    expect(manifest.publishConfig?.access).toBe('public');
    expect(manifest.publishConfig?.registry).toBeUndefined();
  });

  it('has no workspace: range left in the packed package.json', () => {
    const { manifest } = get();
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
    for (const dep of internalRuntimeDeps(manifest, names)) {
      const version = packages.find((p) => p.name === dep)!.pkg.version;
      expect(manifest.dependencies?.[dep] ?? manifest.peerDependencies?.[dep]).toBe(`^${version}`);
    }
  });

  it('is covered by `pnpm check:packages`: publint, attw and a size budget', () => {
    const script = String(pkg.scripts?.['check:package'] ?? '');
    expect(script).toMatch(/publint/);
    expect(script).toMatch(/attw --pack/);
    expect(script).toMatch(/check-size\.mjs/);
    expect(Array.isArray(pkg.sizeBudget) && pkg.sizeBudget.length).toBeGreaterThan(0);
  });
});

describe('@tvs/envelope/server', () => {
  it('ships as its own entry, ESM and CommonJS, each with declarations, and a size budget', () => {
    const envelope = packed.get('@tvs/envelope');
    expect(envelope).toBeDefined();
    const { manifest, files } = envelope!;
    expect(manifest.exports['./server']).toEqual({
      import: { types: './dist/server.d.ts', default: './dist/server.js' },
      require: { types: './dist/server.d.cts', default: './dist/server.cjs' },
    });
    for (const file of ['server.js', 'server.cjs', 'server.d.ts', 'server.d.cts']) {
      expect(files).toContain(`dist/${file}`);
    }
    const budgets = manifest.sizeBudget as Array<{ path: string }>;
    expect(budgets.some((budget) => budget.path === 'dist/server.js')).toBe(true);
  });
});

describe('changesets', () => {
  const folder = join(REPO_ROOT, '.changeset');
  const pending = readdirSync(folder).filter((f) => f.endsWith('.md') && f !== 'README.md');

  it.each(pending)('%s has valid frontmatter naming public packages', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    const match = /^---\n((?:"[^"\n]+": (?:major|minor|patch)\n)*)---\n/.exec(text);
    expect(match, `${file} must start with ---, lines of "name": bump, ---`).not.toBeNull();
    for (const line of match![1]!.split('\n').filter(Boolean)) {
      expect([...names]).toContain(line.slice(1, line.indexOf('"', 1)));
    }
  });

  it('config: independent versions, dependents always patched, public access', () => {
    const config = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8'));
    expect(config.fixed).toEqual([]);
    expect(config.linked).toEqual([]);
    expect(config.access).toBe('public');
    expect(config.updateInternalDependencies).toBe('patch');
    expect(config.___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH?.updateInternalDependents).toBe(
      'always',
    );
    expect(existsSync(join(REPO_ROOT, 'CONTRIBUTING.md'))).toBe(true);
  });
});
