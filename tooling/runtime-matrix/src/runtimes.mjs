// The matrix: every runtime, its pinned version and where it comes from. Versions are exact so a
// result is reproducible; bump them here (and in package.json for the npm-installed adapters).

/**
 * @typedef {object} Runtime
 * @property {string} name      selector used by TVS_MATRIX_ONLY / TVS_MATRIX_SKIP
 * @property {string} label     shown in the table
 * @property {string} adapter   file under runners/
 * @property {string} [version] the version that must run (checked against what did run)
 * @property {{ pkg: string, version: string, bin: string }} [npm]  installed into .cache/runtimes
 * @property {boolean} [loopback]  gets the loopback gateway (sockets to 127.0.0.1 and a global
 *   WebSocket), so suites that `need` it run there
 */

/** @type {Runtime[]} */
export const RUNTIMES = [
  {
    name: 'node20',
    label: 'node',
    adapter: 'node',
    version: '20.20.2',
    npm: { pkg: 'node', version: '20.20.2', bin: 'node' },
  },
  {
    name: 'node22',
    label: 'node',
    adapter: 'node',
    version: '22.23.3',
    npm: { pkg: 'node', version: '22.23.3', bin: 'node' },
    loopback: true,
  },
  // The Node running the matrix (24, the toolchain's) needs no install: process.execPath.
  {
    name: 'node24',
    label: 'node',
    adapter: 'node',
    version: process.versions.node,
    loopback: true,
  },
  {
    name: 'deno',
    label: 'deno',
    adapter: 'deno',
    version: '2.9.6',
    npm: { pkg: 'deno', version: '2.9.6', bin: 'deno' },
    loopback: true,
  },
  {
    name: 'bun',
    label: 'bun',
    adapter: 'bun',
    version: '1.4.5',
    npm: { pkg: 'bun', version: '1.4.5', bin: 'bun' },
    loopback: true,
  },
  // Node 20 has no global WebSocket. In-process adapters: their versions come from this
  // package's devDependencies; they get no loopback gateway (a Worker, the Edge VM and a page
  // reach the gateway through a signing proxy, not directly).
  { name: 'workerd', label: 'workerd', adapter: 'workerd' },
  { name: 'edge', label: 'edge-runtime', adapter: 'edge' },
  { name: 'chromium', label: 'chromium', adapter: 'chromium' },
];

/**
 * Applies TVS_MATRIX_ONLY / TVS_MATRIX_SKIP (comma lists). A name selects one runtime; `node`
 * selects all three Node versions. Unknown names are an error, so a typo cannot skip silently.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ selected: Runtime[], skipped: Runtime[] }}
 */
export function selectRuntimes(env) {
  const parse = (value) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const matches = (rt, name) => rt.name === name || rt.label === name;
  const only = parse(env.TVS_MATRIX_ONLY);
  const skip = parse(env.TVS_MATRIX_SKIP);
  for (const name of [...only, ...skip]) {
    if (!RUNTIMES.some((rt) => matches(rt, name))) {
      const known = RUNTIMES.map((rt) => rt.name).join(', ');
      throw new Error(`unknown runtime "${name}" in TVS_MATRIX_ONLY/SKIP (known: node, ${known})`);
    }
  }
  const selected = [];
  const skipped = [];
  for (const rt of RUNTIMES) {
    const wanted = only.length === 0 || only.some((n) => matches(rt, n));
    const dropped = skip.some((n) => matches(rt, n));
    (wanted && !dropped ? selected : skipped).push(rt);
  }
  if (selected.length === 0) throw new Error('TVS_MATRIX_ONLY/SKIP leave no runtime to run');
  return { selected, skipped };
}
