// Shared by the adapters that run the ESM bundle in a separate binary (Node, Deno, Bun): a tiny
// driver imports the bundle and prints the results after a marker, which we parse back.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const MARK = '@@tvs-runtime-matrix-result@@';

/**
 * What an adapter that spawns a binary is given.
 * @typedef {{ esm: string, binary?: string, name: string,
 *   context?: import('../suite-runner.mjs').Context }} ChildJob
 */
export const TIMEOUT_MS = 60_000;

/**
 * Writes the driver beside the bundle (same folder, so a relative import finds it); one per
 * runtime, since each gets its own context.
 * @param {string} esm
 * @param {string} name  the runtime's name
 * @param {import('../suite-runner.mjs').Context} [context]
 */
export function driverFor(esm, name, context = {}) {
  const driver = join(dirname(esm), `driver-${name}.mjs`);
  writeFileSync(
    driver,
    // No top-level await: a never-settling case then ends the process (no marker) everywhere
    // alike, instead of a runtime-specific exit code or a hang.
    `import { runMatrix } from './${basename(esm)}';\n` +
      `runMatrix(${JSON.stringify(context)})` +
      `.then((r) => console.log('\\n${MARK}' + JSON.stringify(r)));\n`,
  );
  return driver;
}

/**
 * Runs `command args`, which must execute the driver, and returns the runner's JSON.
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string | undefined>} env
 */
export function runChild(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    // A case that never settles would otherwise hang the whole matrix.
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(MARK));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice(MARK.length)));
        return;
      }
      const why =
        signal === 'SIGKILL'
          ? `timed out after ${TIMEOUT_MS / 1000} s`
          : code === 0
            ? 'exited before the matrix finished (a case that never settles?)'
            : `exit ${code}`;
      const tail = (stderr || stdout).trim().split('\n').slice(-15).join('\n');
      reject(new Error(`${basename(command)} ${why}${tail ? `:\n${tail}` : ''}`));
    });
  });
}

/** The parent's environment minus what could change how the child runs the bundle. */
export function childEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: '1', ...extra };
  // pnpm/turbo may set NODE_OPTIONS with flags an older Node (20) rejects.
  delete env.NODE_OPTIONS;
  delete env.FORCE_COLOR;
  return env;
}
