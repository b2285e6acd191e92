import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The built bin, as users run it (turbo builds the package before its tests). */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A `tvs-batch` child whose stdout lines are handed to `onLine` as they come. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) and what was written. */
  readonly done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

export function startCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void } = {},
): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    stdout += `${line}\n`;
    options.onLine?.(line);
  });
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs `tvs-batch` to the end. */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
  return startCli(args, options).done;
}

const exec = promisify(execFile);

/** A throwaway `redis-server` on a free loopback port, no persistence. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Starts Debian's `redis-server` (installed by `.ci/run`) on a free port, daemonised, saving
 * nothing; `stop()` shuts it down (`nosave`). Also stopped if the test process exits first.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  await exec('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
  ]);
  const stop = async () => {
    await exec('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(() => {});
  };
  const onExit = () => {
    try {
      execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
    } catch {}
  };
  process.once('exit', onExit);
  for (let i = 0; i < 100; i++) {
    const ok = await exec('redis-cli', ['-p', String(port), 'ping']).then(
      ({ stdout }) => stdout.trim() === 'PONG',
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      process.off('exit', onExit);
      await stop();
    },
  };
}
