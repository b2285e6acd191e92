// Run in the consumer project: the installed `tvs-batch` bin takes a three-line CSV through the
// installed @tvs/mock-gateway over loopback, and a second run only reports. Redis mode without
// bullmq and ioredis installed (they are optional peers) says what to install, exit status 2.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createMockGateway } from '@tvs/mock-gateway';

const exec = promisify(execFile);
const bin = join(process.cwd(), 'node_modules', '@tvs', 'batch', 'dist', 'cli.js');
const credentials = { appkey: 'release-verify', accessToken: 'release-verify-token' };
const gateway = createMockGateway({ credentials: [credentials], renderSpeed: 50 });
const server = await gateway.listen();
const dir = mkdtempSync(join(tmpdir(), 'tvs-batch-consumer-'));
try {
  const avatar = gateway.catalogue.avatars[0].VirtualmanKey;
  const input = join(dir, 'jobs.csv');
  writeFileSync(
    input,
    `id,text,avatar\na,Hello a.,${avatar}\nb,Hello b.,${avatar}\nc,Hello c.,${avatar}\n`,
  );
  const env = {
    ...process.env,
    TVS_APPKEY: credentials.appkey,
    TVS_ACCESS_TOKEN: credentials.accessToken,
    TVS_BASE_URL: server.url,
  };
  const args = [bin, 'run', input, '--poll-min', '20', '--poll-max', '500'];
  await exec(process.execPath, args, { env });
  const manifest = readFileSync(join(dir, 'out', 'manifest.csv'), 'utf8')
    .trim()
    .split('\n');
  if (manifest.length !== 4 || !manifest.slice(1).every((line) => line.includes(',downloaded,'))) {
    throw new Error(`unexpected manifest:\n${manifest.join('\n')}`);
  }
  const calls = gateway.calls.length;
  await exec(process.execPath, args, { env });
  if (gateway.calls.length !== calls) throw new Error('the second run called the gateway');
  const redis = await exec(
    process.execPath,
    [bin, 'enqueue', input, '--redis', 'redis://127.0.0.1:1'],
    { env },
  ).then(
    () => ({ code: 0, stderr: '' }),
    (error) => ({ code: error.code, stderr: String(error.stderr) }),
  );
  if (redis.code !== 2 || !/npm install bullmq@\^6\.7\.0 ioredis@\^5\.11\.1/.test(redis.stderr)) {
    throw new Error(`Redis mode without its peers: exit ${redis.code}, ${redis.stderr}`);
  }
  console.log(
    `node ${process.versions.node}: tvs-batch rendered 3 jobs, resumed with no call, and asked for bullmq/ioredis in Redis mode`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
  gateway.close();
}
