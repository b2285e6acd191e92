// Turns the runtimes' results into the printed table, the closing count line and results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @typedef {{ runtime: string, label: string, version?: string, engine?: string,
 *   durationMs: number, error?: string,
 *   suites: import('./suite-runner.mjs').SuiteResult[] }} RuntimeResult
 */

/**
 * @param {RuntimeResult[]} results
 * @param {{ name: string, label: string }[]} skipped
 * @returns {{ text: string, passed: number, failed: number }}
 */
export function formatReport(results, skipped) {
  const rows = [];
  // A broken case usually fails the same way everywhere: one line per distinct failure, with the
  // runtimes it failed in, instead of one per runtime.
  const failures = new Map();
  const errors = [];
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const runtime = r.label;
    const version = r.version ?? '?';
    const time = `${(r.durationMs / 1000).toFixed(1)} s`;
    if (r.error) {
      failed++;
      rows.push([runtime, version, '(runtime failed)', 'ERROR', time]);
      errors.push(`${runtime} ${version}: ${indent(r.error)}`);
      continue;
    }
    for (const [i, s] of r.suites.entries()) {
      if (s.notRun) {
        // Not a pass and not a failure: the runtime lacks what the suite needs, by design.
        rows.push([runtime, version, s.name, `- (${s.notRun})`, i === 0 ? time : '']);
        continue;
      }
      const total = s.passed + s.failed.length;
      passed += s.passed;
      failed += s.failed.length;
      const verdict = s.failed.length === 0 ? '' : '  FAILED';
      // One process runs all suites: its time goes on the runtime's first row only.
      rows.push([runtime, version, s.name, `${s.passed}/${total}${verdict}`, i === 0 ? time : '']);
      for (const f of s.failed) {
        const what = `${s.name} ✗ ${f.case}: ${f.message}`;
        failures.set(what, [...(failures.get(what) ?? []), `${runtime} ${version}`]);
      }
    }
  }
  for (const rt of skipped)
    rows.push([rt.label, rt.version ?? '-', `skipped (${rt.name})`, '', '']);

  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell))
      .join('  ')
      .trimEnd(),
  );
  if (failures.size + errors.length > 0) lines.push('');
  for (const [what, where] of failures) {
    const all = where.length > 1 && where.length === results.length;
    lines.push(`${indent(what)}\n    in ${all ? 'every runtime' : where.join(', ')}`);
  }
  lines.push(...errors);
  // The plain closing line CI logs are read for.
  lines.push('', `matrix: ${passed} passed, ${failed} failed`);
  return { text: lines.join('\n'), passed, failed };
}

/** @param {string} path */
export function writeResults(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

function indent(text) {
  return text.replace(/\n/g, '\n    ');
}
