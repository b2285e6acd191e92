// A throwaway Verdaccio on 127.0.0.1 for release:verify (the server itself is registry-server.mjs).
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv } from './base-env.mjs';
import { TOOL_DIR } from './workspace.mjs';

/**
 * Starts Verdaccio in a child process on 127.0.0.1 with a random free port, and creates the
 * publishing user through its adduser API. `onChild` receives the process as soon as it is
 * forked; the caller stops it.
 * @param {string} dir
 * @param {(child: import('node:child_process').ChildProcess) => void} onChild
 * @returns {Promise<{ url: string, port: number, token: string }>}
 */
export async function startRegistry(dir, onChild) {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: 1',
      '# No uplinks: this registry serves only what is published to it and fetches nothing.',
      'uplinks: {}',
      'packages:',
      "  '@tvs/*':",
      '    access: $all',
      '    publish: $authenticated',
      '    unpublish: $authenticated',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  const child = fork(join(TOOL_DIR, 'src', 'registry-server.mjs'), [config], {
    cwd: dir,
    env: baseEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // Handed over at once, so the caller's cleanup stops it even if it never starts.
  onChild(child);
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Verdaccio did not start in 30 s\n${log}`)),
      30_000,
    );
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message.port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Verdaccio exited ${code} while starting\n${log}`));
    });
  });
  const url = `http://127.0.0.1:${port}/`;
  const password = crypto.randomUUID();
  const response = await fetch(new URL('-/user/org.couchdb.user:release-verify', url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release-verify', password }),
  });
  const body = await response.json();
  if (response.status !== 201 || typeof body.token !== 'string') {
    throw new Error(`Verdaccio adduser answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return { url, port, token: body.token };
}
