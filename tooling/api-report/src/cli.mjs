#!/usr/bin/env node
// tvs-api-report [--update]: checks (or, with --update, rewrites) the API reports of the
// package in the current folder. Exits 1 when a report differs.
import { apiReports, updateApiReports } from './index.mjs';

const dir = process.cwd();
if (process.argv.includes('--update')) {
  const changed = updateApiReports(dir);
  console.log(changed.length ? `updated ${changed.join(', ')}` : 'API reports up to date');
} else {
  const stale = apiReports(dir).filter((r) => r.actual !== r.expected);
  for (const report of stale) console.error(`${report.path} differs from the build`);
  process.exit(stale.length > 0 ? 1 : 0);
}
