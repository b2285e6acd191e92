// Runs one example in the consumer project, as its run line says, with the harness's
// environment: a script to completion, a vitest file with vitest, a server (or a Worker module,
// served by serve-worker.mjs) until its scenario has driven it.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GUARD = fileURLToPath(new URL('./guard.mjs', import.meta.url));
const SERVE_WORKER = fileURLToPath(new URL('./serve-worker.mjs', import.meta.url));

/** How an example runs, from what it is. */
export function kindOf(code) {
  if (/from ['"]vitest['"]/.test(code)) return 'vitest';
  if (/^export default \{/m.test(code) && /\bfetch\s*\(/.test(code)) return 'worker';
  if (/\.listen\(/.test(code)) return 'server';
  return 'script';
}

/**
 * A child process with its output collected.
 * @param {string[]} args node's arguments
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, stdin?: string, timeoutMs: number }} options
 */
export function startNode(args, { cwd, env, stdin, timeoutMs }) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...env, NODE_OPTIONS: `--import ${GUARD}` },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdin.end(stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    exited,
    output: () => stdout,
    /** Ends a server: SIGTERM, then what it printed. */
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A port that was free a moment ago, for a server example's `PORT`. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port; rejects if `exited` comes first. */
export async function waitForPort(port, exited, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  exited.then(() => {
    done = true;
  });
  while (!done) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`nothing listened on port ${port} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { code, stdout, stderr } = await exited;
  throw new Error(`the server exited (${code}) before listening\n${stdout}${stderr}`);
}

/**
 * The node arguments that run an example.
 * @param {{ kind: string, file: string, args: string[] }} example
 * @param {string} consumer the consumer project
 */
export function nodeArgs({ kind, file, args }, consumer) {
  if (kind === 'vitest') {
    const vitest = join(consumer, 'node_modules', 'vitest', 'vitest.mjs');
    return [vitest, 'run', file, '--reporter=dot', '--no-color'];
  }
  if (kind === 'worker') return [SERVE_WORKER, file];
  return [file, ...args];
}
