// Runs commands with their output captured (shown only when they fail), and remembers the
// children still running so that cleanup can stop them.
import { spawn } from 'node:child_process';

/** Children started by `run` that have not exited yet. */
export const running = new Set();

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 * @returns {Promise<string>} stdout (stderr is shown only in the error of a failed command)
 */
export function run(command, args, { cwd, env = process.env, timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    // Its own process group, so that `stop` ends the command's whole tree (pnpm → turbo → tsup).
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => stop(child, 'SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (code === 0) resolve(stdout);
      else {
        const how = signal ? `was killed (${signal})` : `exited ${code}`;
        const where = cwd ? ` (in ${cwd})` : '';
        reject(new Error(`${command} ${args.join(' ')} ${how}${where}\n${output.slice(-4000)}`));
      }
    });
  });
}

/**
 * Signals the process group of a child started by `run` (the child and everything it started).
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} [signal]
 */
export function stop(child, signal = 'SIGTERM') {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal); // the group is gone already; make sure the child is too
  }
}
