// Bundled into every runtime: runs the suites' cases one after another and returns plain JSON.
// Must use nothing but ECMAScript: it runs in workerd, the Edge VM and a browser page too.

/**
 * @typedef {{ name: string, cases: Array<{ name: string, run: () => void | Promise<void> }> }} Suite
 * @typedef {{ pkg: string, file: string, suite: Suite }} Entry
 * @typedef {{ name: string, package: string, file: string, passed: number,
 *   failed: Array<{ case: string, message: string }> }} SuiteResult
 */

/**
 * @param {Entry[]} entries
 * @returns {Promise<{ engine: string, suites: SuiteResult[] }>}
 */
export async function runSuites(entries) {
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
    if (!valid) {
      const message = 'default export is not { name, cases: [{ name, run }] }';
      result.failed.push({ case: '(suite)', message });
    } else if (suite.cases.length === 0) {
      // An empty suite usually means a broken fixture or filter; never count it as green.
      result.failed.push({ case: '(suite)', message: 'suite has no cases' });
    }
    for (const c of valid ? suite.cases : []) {
      try {
        await c.run();
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
