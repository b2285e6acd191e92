import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { taskLoad } from '@tvs/mock-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachJob, type JobRecord } from '../src/index.js';
import { openRedisStore } from '../src/state/redis-store.js';
import {
  APPKEY,
  createsPerJob,
  expectWitnessed,
  type Harness,
  startGateway,
  tempDir,
  writeJobsCsv,
} from './helpers.js';
import { type RedisServer, runCli, startCli, startRedis } from './processes.js';
import { expectStoreContract } from './store-contract.js';

let redis: RedisServer;
let harness: Harness;
let temp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  [redis, harness] = await Promise.all([startRedis(), startGateway({ concurrency: 24 })]);
  temp = tempDir();
});
afterAll(async () => {
  await harness?.close();
  await redis?.stop();
  temp?.cleanup();
});

describe('the Redis store', () => {
  it('keeps the same contract as the embedded one', async () => {
    const store = await openRedisStore(redis.url, 'store-contract');
    await expectStoreContract(store);
    const ids: string[] = [];
    for await (const record of eachJob(store, undefined, 1)) ids.push(record.id);
    expect(ids).toEqual(['a', 'b']);
    await store.close();
  });
});

describe('BullMQ mode', () => {
  it('three workers on 2,000 jobs, one killed mid-run: all finish, nothing created twice, the global concurrency never exceeded', async () => {
    const input = writeJobsCsv(temp.dir, 2_000, harness.avatar);
    const queue = ['--redis', redis.url, '--queue', 'campaign'];
    const enqueued = await runCli(['enqueue', input, ...queue, '--concurrency', '24']);
    expect(enqueued.stderr).toBe('');
    expect(enqueued.stdout).toBe('2000 new jobs; 2000 in the queue for workers\n');
    const again = await runCli(['enqueue', input, ...queue]);
    expect(again.stdout).toBe('0 new jobs; 2000 in the queue for workers\n');

    const out = join(temp.dir, 'out');
    const workerArgs = [
      'worker',
      ...queue,
      '--out',
      out,
      '--worker-concurrency',
      '16',
      '--lock-ms',
      '3000',
      '--exit-when-drained',
      '--poll-min',
      '5',
      '--poll-max',
      '200',
      '--json',
    ];
    // The second worker is killed once the three have downloaded 600 videos between them.
    let downloads = 0;
    const workers = [0, 1, 2].map(() =>
      startCli(workerArgs, {
        env: harness.env(),
        onLine: (line) => {
          if (line.includes('"state":"downloaded"') && ++downloads === 600) {
            workers[1]!.child.kill('SIGKILL');
          }
        },
      }),
    );
    const results = await Promise.all(workers.map((w) => w.done));
    expect(
      results[1]!.signal,
      `worker 2 ended by itself: ${results[1]!.code} ${results[1]!.stderr}`,
    ).toBe('SIGKILL');
    for (const n of [0, 2]) {
      expect(results[n]!.stderr).toBe('');
      expect(results[n]!.code).toBe(0);
    }

    const status = await runCli(['status', ...queue, '--json']);
    const { counts } = JSON.parse(status.stdout);
    expect(counts.downloaded + counts.ambiguous).toBe(2_000);

    const store = await openRedisStore(redis.url, 'campaign');
    const jobs: JobRecord[] = [];
    for await (const job of eachJob(store)) jobs.push(job);
    await store.close();
    expectWitnessed(harness.gateway, jobs);
    // Only the killed worker's creates in flight can be ambiguous.
    expect(counts.ambiguous).toBeLessThanOrEqual(16);
    const load = taskLoad(harness.gateway.tasks).get(APPKEY)!;
    expect(load.peakOpen).toBeLessThanOrEqual(24);

    const manifest = await runCli(['manifest', ...queue, '--out', out]);
    expect(manifest.code).toBe(0);
    expect(readFileSync(join(out, 'manifest.csv'), 'utf8').trim().split('\n')).toHaveLength(2_001);
    console.log(
      `BullMQ: ${counts.downloaded} downloaded, ${counts.ambiguous} ambiguous after the kill; peak ${load.peakOpen} tasks open (global concurrency 24)`,
    );
  }, 240_000);

  it('a worker stopped with Ctrl-C puts its unfinished jobs back in the queue; the next worker finishes them', async () => {
    // A gateway of its own: the job ids repeat those of the test above.
    const gateway = await startGateway({ concurrency: 8, renderSpeed: 20 });
    try {
      const input = writeJobsCsv(temp.dir, 120, gateway.avatar, 'graceful.csv');
      const queue = ['--redis', redis.url, '--queue', 'graceful'];
      await runCli(['enqueue', input, ...queue, '--concurrency', '8']);
      const out = join(temp.dir, 'graceful-out');
      const args = [
        'worker',
        ...queue,
        '--out',
        out,
        '--poll-min',
        '5',
        '--poll-max',
        '200',
        '--json',
      ];
      let downloads = 0;
      const first = startCli(args, {
        env: gateway.env(),
        onLine: (line) => {
          if (line.includes('"state":"downloaded"') && ++downloads === 20)
            first.child.kill('SIGINT');
        },
      });
      const stopped = await first.done;
      expect(stopped.code).toBe(130);
      expect(stopped.stdout).toContain('"type":"stopping"');
      const second = await runCli([...args, '--exit-when-drained'], { env: gateway.env() });
      expect(second.code).toBe(0);
      const status = JSON.parse((await runCli(['status', ...queue, '--json'])).stdout);
      expect(status.counts).toMatchObject({ downloaded: 120, ambiguous: 0, submitting: 0 });
      expect([...createsPerJob(gateway.gateway).values()].every((n) => n === 1)).toBe(true);
      expect(createsPerJob(gateway.gateway).size).toBe(120);
    } finally {
      await gateway.close();
    }
  }, 120_000);
});
