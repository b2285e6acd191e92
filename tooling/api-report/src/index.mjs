// Adopt in a package with a devDependency on @tvs/api-report, a test file
//   import { apiReportTests } from '@tvs/api-report/vitest';
//   apiReportTests(new URL('..', import.meta.url));
// a script "api-report": "tvs-api-report --update", and `test` depending on the package's own
// build in its turbo.json. Reports live in the package's api/ folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport, reportEntry } from './report.mjs';

/** The entry points of a package: `exports` subpaths with their ESM declaration file. */
export function entryPoints(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return Object.entries(manifest.exports ?? {})
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, conditions]) => {
      const types = conditions?.import?.types ?? conditions?.types;
      if (typeof types !== 'string') throw new Error(`${manifest.name} ${subpath}: no types`);
      return { name: manifest.name, subpath, file: types.replace(/^\.\//, '') };
    });
}

/** The report file of an entry point: `api/index.api.md`, `api/server.api.md`… */
export function reportPath(dir, subpath) {
  return join(dir, 'api', `${subpath === '.' ? 'index' : subpath.slice(2)}.api.md`);
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const file of readdirSync(path, { recursive: true })) {
    const full = join(path, file);
    if (!/\.test(-d)?\.ts$/.test(file) && statSync(full).isFile()) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/**
 * Every entry point's report, fresh from the built declarations, with the report on disk.
 * Throws when the build is missing or older than the sources.
 */
export function apiReports(dirOrUrl) {
  const dir = typeof dirOrUrl === 'string' ? dirOrUrl : fileURLToPath(dirOrUrl);
  return entryPoints(dir).map(({ name, subpath, file }) => {
    const built = join(dir, file);
    if (!existsSync(built)) throw new Error(`${name}: ${file} is missing: run pnpm build first`);
    if (existsSync(join(dir, 'src')) && statSync(built).mtimeMs < newestMtime(join(dir, 'src'))) {
      throw new Error(`${name}: ${file} is older than src/: run pnpm build first`);
    }
    const path = reportPath(dir, subpath);
    return {
      subpath,
      path,
      actual: formatReport(name, subpath, file, reportEntry(built)),
      expected: existsSync(path) ? readFileSync(path, 'utf8') : undefined,
    };
  });
}

/** Writes every report; returns the paths that changed. */
export function updateApiReports(dirOrUrl) {
  const changed = [];
  for (const report of apiReports(dirOrUrl)) {
    if (report.actual === report.expected) continue;
    mkdirSync(join(report.path, '..'), { recursive: true });
    writeFileSync(report.path, report.actual);
    changed.push(report.path);
  }
  return changed;
}
