// Bundled into every runtime: runs the suites' cases one after another and returns plain JSON.
// Must use nothing but ECMAScript: it runs in workerd, the Edge VM and a browser page too.

/**
 * What the matrix hands every case. `loopback` is a mock gateway listening on 127.0.0.1 (real
 * HTTP and WebSocket), present only in runtimes that can open sockets to it.
 * @typedef {{ loopback?: { url: string, appkey: string, accessToken: string } }} Context
 * @typedef {{ name: string, needs?: Array<keyof Context>,
 *   cases: Array<{ name: string, run: (context: Context) => void | Promise<void> }> }} Suite
 * @typedef {{ pkg: string, file: string, suite: Suite }} Entry
 * @typedef {{ name: string, package: string, file: string, passed: number,
 *   failed: Array<{ case: string, message: string }>, notRun?: string }} SuiteResult
 *   notRun: why the suite did not run here (a need this runtime's context lacks)
 */

/** What a suite may need from the context (see {@link Context}). */
const NEEDS = ['loopback'];

/**
 * @param {Entry[]} entries
 * @param {Context} [context]
 * @returns {Promise<{ engine: string, suites: SuiteResult[] }>}
 */
export async function runSuites(entries, context = {}) {
  const suites = [];
  for (const { pkg, file, suite } of entries) {
    const valid = isSuite(suite);
    /** @type {SuiteResult} */
    const result = {
      name: valid ? suite.name : `${pkg} ${file}`,
      package: pkg,
      file,
      passed: 0,
      failed: [],
    };
    const missing = valid ? (suite.needs ?? []).filter((need) => context[need] === undefined) : [];
    if (missing.length > 0) {
      result.notRun = `needs ${missing.join(', ')}`;
      suites.push(result);
      continue;
    }
    if (!valid) {
      const message = `default export is not { name, needs?: [${NEEDS.join(', ')}], cases: [{ name, run }] }`;
      result.failed.push({ case: '(suite)', message });
    } else if (suite.cases.length === 0) {
      // An empty suite usually means a broken fixture or filter; never count it as green.
      result.failed.push({ case: '(suite)', message: 'suite has no cases' });
    }
    for (const c of valid ? suite.cases : []) {
      try {
        await c.run(context);
        result.passed++;
      } catch (error) {
        result.failed.push({ case: c.name, message: describe(error) });
      }
    }
    suites.push(result);
  }
  return { engine: engine(), suites };
}

function isSuite(value) {
  return (
    typeof value?.name === 'string' &&
    // A misspelt need would skip the suite everywhere, silently: only known needs are valid.
    (value.needs === undefined ||
      (Array.isArray(value.needs) && value.needs.every((need) => NEEDS.includes(need)))) &&
    Array.isArray(value.cases) &&
    value.cases.every((c) => typeof c?.name === 'string' && typeof c.run === 'function')
  );
}

// Errors may come from another realm (Edge VM, page), so no `instanceof Error`.
function describe(error) {
  if (typeof error?.message === 'string') {
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  }
  return String(error);
}

/** What the code actually ran on, as the runtime itself tells it (checked against the pins). */
function engine() {
  const g = /** @type {any} */ (globalThis);
  if (g.Deno?.version?.deno) return `deno ${g.Deno.version.deno}`;
  if (g.Bun?.version) return `bun ${g.Bun.version}`;
  if (typeof g.EdgeRuntime === 'string') return g.EdgeRuntime;
  if (g.process?.versions?.node) return `node ${g.process.versions.node}`;
  return g.navigator?.userAgent ?? 'unknown';
}
