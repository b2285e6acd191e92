// Throughput of tvs-batch against the physical limit the gateway sets: with a concurrency quota
// of Q renders per appkey and a render time of R, no runner can finish more than Q / R jobs a
// second. Each mode runs N jobs through the built `tvs-batch` against the mock gateway (in this
// process, on the real clock, renders shortened by `renderSpeed`); jobs/s is measured on the
// gateway's own call log, from the first create to the last download, and given as a ratio of
// Q / R (R: the mean render time of the tasks that run made). Also polls per task. The embedded
// store, then BullMQ with 1 and 3 workers (skipped, and said so, without `redis-server`).
// Writes JSON to bench/results/. Run with `pnpm bench` (builds first).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMockGateway } from '@tvs/mock-gateway';
import { startRedis } from '../test/redis-server.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const JOBS = Number(process.env.BENCH_JOBS ?? 400);
const QUOTA = Number(process.env.BENCH_QUOTA ?? 16);
const RENDER_SPEED = Number(process.env.BENCH_RENDER_SPEED ?? 5);
const credentials = { appkey: 'bench-appkey', accessToken: 'bench-access-token' };
const CREATE = '/v2/ivh/videomaker/broadcastservice/videomake';
const PROGRESS = '/v2/ivh/videomaker/broadcastservice/getprogress';

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`tvs-batch ${args[0]} exited ${code}: ${stderr}`)),
    );
  });
}

/** One mode on a fresh gateway: the runner's jobs/s against Q / R, and polls per task. */
async function measure(name, go) {
  const gateway = createMockGateway({
    credentials: [credentials],
    concurrency: QUOTA,
    renderSpeed: RENDER_SPEED,
    maxCalls: 50_000,
  });
  const server = await gateway.listen();
  const dir = mkdtempSync(
    join(process.platform === 'linux' ? '/dev/shm' : tmpdir(), 'tvs-batch-bench-'),
  );
  try {
    const avatar = gateway.catalogue.avatars[0].VirtualmanKey;
    const lines = ['id,text,avatar'];
    for (let i = 1; i <= JOBS; i++)
      lines.push(`b${String(i).padStart(5, '0')},Hello number ${i}.,${avatar}`);
    const input = join(dir, 'jobs.csv');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const env = {
      ...process.env,
      TVS_APPKEY: credentials.appkey,
      TVS_ACCESS_TOKEN: credentials.accessToken,
      TVS_BASE_URL: server.url,
    };
    await go({ input, dir, env });
    const calls = gateway.calls;
    const tasks = gateway.tasks;
    if (tasks.length !== JOBS || tasks.some((t) => t.status !== 'SUCCESS'))
      throw new Error(`${name}: ${tasks.length} tasks`);
    const first = calls.find((c) => c.path === CREATE).at;
    const last = calls.at(-1).at;
    const jobsPerSecond = JOBS / ((last - first) / 1000);
    const renderMs = tasks.reduce((sum, t) => sum + t.renderMs, 0) / tasks.length;
    const limit = (QUOTA * 1000) / renderMs;
    const polls = calls.filter((c) => c.path === PROGRESS).length;
    return {
      name,
      jobs: JOBS,
      jobsPerSecond: Math.round(jobsPerSecond * 10) / 10,
      limit: Math.round(limit * 10) / 10,
      ratio: Math.round((jobsPerSecond / limit) * 100) / 100,
      renderMs: Math.round(renderMs),
      pollsPerTask: Math.round((polls / JOBS) * 100) / 100,
    };
  } finally {
    gateway.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fast = ['--poll-min', '20', '--poll-max', '2000'];
const rows = [];
rows.push(
  await measure('embedded (SQLite)', ({ input, env }) =>
    run(['run', input, '--concurrency', String(QUOTA), ...fast], env),
  ),
);

let redis;
try {
  execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
  redis = await startRedis();
} catch {
  console.log('redis-server is not installed: the BullMQ rows are skipped');
}
try {
  if (redis) {
    for (const workers of [1, 3]) {
      const queue = `bench-${workers}`;
      rows.push(
        await measure(
          `BullMQ, ${workers} worker${workers > 1 ? 's' : ''}`,
          async ({ input, dir, env }) => {
            const location = ['--redis', redis.url, '--queue', queue];
            await run(['enqueue', input, ...location, '--concurrency', String(QUOTA)], env);
            await Promise.all(
              Array.from({ length: workers }, () =>
                run(
                  [
                    'worker',
                    ...location,
                    '--out',
                    join(dir, 'out'),
                    '--worker-concurrency',
                    String(QUOTA),
                    '--exit-when-drained',
                    ...fast,
                  ],
                  env,
                ),
              ),
            );
          },
        ),
      );
    }
  }
} finally {
  await redis?.stop();
}

console.log(`\ntvs-batch, ${JOBS} jobs, quota ${QUOTA} renders at once, node ${process.version}`);
console.log('mode                  jobs/s   limit Q/R   ratio   render   polls/task');
for (const r of rows) {
  console.log(
    `${r.name.padEnd(20)}  ${String(r.jobsPerSecond).padStart(6)}   ${String(r.limit).padStart(9)}   ${r.ratio.toFixed(2).padStart(4)}×   ${String(r.renderMs).padStart(4)} ms   ${r.pollsPerTask.toFixed(2).padStart(9)}`,
  );
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL(`./results/batch-node${process.versions.node.split('.')[0]}.json`, import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, jobs: JOBS, quota: QUOTA, renderSpeed: RENDER_SPEED, rows }, null, 2)}\n`,
);
