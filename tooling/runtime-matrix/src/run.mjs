// The runtime matrix: discover suites → bundle them → start the loopback gateway → run the
// bundle in every runtime (in parallel, each as soon as its install is done) → print the table,
// write results.json.
// Exits 1 when any case or runtime fails, or nothing ran.
import { join } from 'node:path';
import { bundle } from './bundle.mjs';
import { discover } from './discover.mjs';
import { ensureRuntime } from './install-runtimes.mjs';
import { startLoopbackGateway } from './loopback.mjs';
import { CACHE_DIR, HARNESS_DIR, REPO_ROOT } from './paths.mjs';
import { formatReport, writeResults } from './report.mjs';
import { selectRuntimes } from './runtimes.mjs';

const RESULTS = join(CACHE_DIR, 'results.json');

try {
  process.exitCode = await main();
} catch (error) {
  // Setup failures (bad suite list, bundling, selection) are the message, not a stack trace.
  console.error(error.message);
  writeResults(RESULTS, { ok: false, error: error.message, runtimes: [] });
  process.exitCode = 1;
}
// Exit explicitly: a runtime that timed out in-process may still hold handles open.
process.exit();

async function main() {
  const started = Date.now();
  const { selected, skipped } = selectRuntimes(process.env);
  for (const rt of skipped) console.log(`skipping ${rt.name} (TVS_MATRIX_ONLY / TVS_MATRIX_SKIP)`);

  // Installs start before bundling; they are the slow part of a cold run.
  const binaries = new Map(selected.map((rt) => [rt.name, ensureRuntime(rt)]));
  for (const promise of binaries.values()) promise.catch(() => {}); // reported per runtime

  const { packages, suites } = discover(REPO_ROOT, HARNESS_DIR);
  const bundles = await bundle({ suites, packages, outDir: join(CACHE_DIR, 'bundle') });

  const loopback = await startLoopbackGateway();
  let results;
  try {
    results = await Promise.all(selected.map((rt) => runOne(rt, binaries.get(rt.name))));
  } finally {
    await loopback.close();
  }
  const { text, failed } = formatReport(results, skipped);
  console.log(`\n${text}`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const ok = failed === 0 && results.length > 0;
  writeResults(RESULTS, { ok, skipped: skipped.map((rt) => rt.name), runtimes: results });
  return ok ? 0 : 1;

  /**
   * @param {import('./runtimes.mjs').Runtime} rt
   * @param {Promise<string | undefined>} installed
   */
  async function runOne(rt, installed) {
    const t0 = Date.now();
    const base = { runtime: rt.name, label: rt.label, version: rt.version };
    try {
      const adapter = await import(`./runners/${rt.adapter}.mjs`);
      // Known before running, so a runtime that fails still shows its version.
      base.version ??= adapter.version;
      const binary = await installed;
      const t1 = Date.now(); // time the run, not the install
      const context = rt.loopback ? loopback.context : {};
      const out = await adapter.run({ ...bundles, binary, name: rt.name, context });
      const version = out.version ?? out.engine?.split(' ')[1];
      // The pins must be what actually ran (a stale cache or a PATH shim would show here).
      if (rt.version && out.engine !== `${rt.label} ${rt.version}`) {
        throw new Error(`expected ${rt.label} ${rt.version}, but the bundle ran on ${out.engine}`);
      }
      const durationMs = Date.now() - t1;
      return { ...base, version, engine: out.engine, durationMs, suites: out.suites };
    } catch (error) {
      return { ...base, durationMs: Date.now() - t0, error: error.message, suites: [] };
    }
  }
}
