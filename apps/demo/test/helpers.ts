import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { shellWord } from '../src/invocation.js';

/** The built CLI, run as a user runs it. */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** How the CLI names itself in hints when `runCli` starts it (from a directory elsewhere). */
export const SELF = `node ${shellWord(CLI)}`;

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The working directory it ran in (fresh, so `out/` is its own). */
  cwd: string;
}

export interface RunOptions {
  /** Run through this program (a symlink to the CLI, a shell), given the CLI's arguments. */
  command?: { file: string; args: string[] };
  /** The working directory (default: a fresh one). */
  cwd?: string;
  /** Added to a clean environment (no TVS_* variables of the caller's). */
  env?: Record<string, string>;
  /** Called once stdout contains this text, with the child (to send it a signal). */
  when?: { stdout: string; act(child: ChildProcess): void };
  timeoutMs?: number;
  /** Written to stdin (else stdin is empty), which is then closed unless `keepStdinOpen`. */
  input?: string;
  keepStdinOpen?: boolean;
}

const made: string[] = [];
// Each test file removes the working directories its runs made (downloads land in them).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary working directory, removed after the test file. */
export function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tvs-demo-test-'));
  made.push(dir);
  return dir;
}

/**
 * The environment of a test run: the caller's, minus anything TVS_, colour settings and what a
 * package manager or shell says about how the tests were started (`npm_*`, `$_`: the CLI reads
 * them to name itself), plus `extra`.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const drop =
      name.startsWith('TVS_') ||
      /^npm_/i.test(name) ||
      ['NO_COLOR', 'FORCE_COLOR', '_'].includes(name);
    if (!drop) env[name] = value;
  }
  // A quick mock render, so each run takes a second or so.
  return { TVS_DEMO_RENDER_SPEED: '20', ...env, ...extra };
}

/** Runs `tvs-demo args…` and collects what it printed and how it ended. */
export function runCli(args: string[], options: RunOptions = {}): Promise<Run> {
  const cwd = options.cwd ?? freshDir();
  const { file, args: first } = options.command ?? { file: process.execPath, args: [CLI] };
  const child = spawn(file, [...first, ...args], {
    cwd,
    env: cleanEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (options.keepStdinOpen) child.stdin.write(options.input ?? '');
  else child.stdin.end(options.input);
  let stdout = '';
  let stderr = '';
  let triggered = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (options.when && !triggered && stdout.includes(options.when.stdout)) {
      triggered = true;
      options.when.act(child);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, cwd });
    });
  });
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** How every ANSI escape sequence (colours, cursor movement) starts. */
export const ANSI = '\u001b[';
