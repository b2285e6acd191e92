// A throwaway Debian `redis-server` (installed by .ci/run) on a free loopback port, saving
// nothing, for the Redis-mode tests and the benchmark. Plain JavaScript so both can load it.
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** A free loopback port. @returns {Promise<number>} */
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

/**
 * Starts `redis-server` daemonised on a free port (no RDB, no AOF) and waits for its PONG;
 * `stop()` shuts it down without saving. It is also shut down if this process exits first.
 * @returns {Promise<{ url: string, port: number, stop(): Promise<void> }>}
 */
export async function startRedis() {
  const port = await freePort();
  const cli = (...args) => exec('redis-cli', ['-p', String(port), ...args]);
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
  const onExit = () => {
    try {
      execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
    } catch {}
  };
  process.once('exit', onExit);
  for (let i = 0; i < 100; i++) {
    const { stdout } = await cli('ping').catch(() => ({ stdout: '' }));
    if (stdout.trim() === 'PONG') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      process.off('exit', onExit);
      await cli('shutdown', 'nosave').catch(() => {});
    },
  };
}
