import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { taskLoad } from '@tvs/mock-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachJob, type JobRecord } from '../src/index.js';
import { openRedisStore } from '../src/state/redis-store.js';
import {
  APPKEY,
  CREATE_PATH,
  type Harness,
  startGateway,
  tempDir,
  writeJobsCsv,
} from './helpers.js';
import { type RedisServer, runCli, startCli, startRedis } from './processes.js';

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
  it('moves jobs under the same compare-and-set rules as the embedded one', async () => {
    const store = await openRedisStore(redis.url, 'store-contract');
    const job = (id: string, text = 'Hi') => ({
      id,
      line: 2,
      operation: 'video.make' as const,
      payload: { VirtualmanKey: 'av', InputSsml: text },
    });
    expect(await store.load([job('a'), job('b')])).toEqual({ added: 2, known: 0, changed: [] });
    expect(await store.load([job('a'), job('b', 'changed')])).toEqual({
      added: 0,
      known: 2,
      changed: ['b'],
    });
    expect(await store.claim('a', 'r1')).toBe(true);
    expect(await store.claim('a', 'r2')).toBe(false);
    expect(await store.recordTask('a', 'other', 'T')).toBe(false);
    expect(await store.markAmbiguous('a', 'r1')).toBe(true);
    expect(await store.recordTask('a', 'r1', 'T1')).toBe(true);
    await store.recordProgress('a', 40, 2);
    expect(await store.get('a')).toMatchObject({
      state: 'rendering',
      taskId: 'T1',
      progress: 40,
      queuePosition: 2,
      creates: 1,
    });
    await store.markDownloaded('a', {
      files: [{ kind: 'media', path: 'out/a.mp4', bytes: 3, sha256: 'ab' }],
      durationMs: 2000,
    });
    await store.markFailed('a', { explanation: 'no' });
    expect(await store.get('a')).toMatchObject({
      state: 'downloaded',
      durationMs: 2000,
      files: [{ path: 'out/a.mp4' }],
    });
    expect(await store.claim('b', 'r3')).toBe(true);
    await store.markFailed('b', { code: 801005, explanation: 'review' });
    expect(await store.get('b')).toMatchObject({ state: 'failed', failCode: 801005 });
    expect(await store.requeue('failed')).toEqual(['b']);
    expect(await store.counts()).toMatchObject({ queued: 1, downloaded: 1, failed: 0 });
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
    const tasksByJob = new Map<string, Array<{ taskId: string; requestId: string }>>();
    for (const task of harness.gateway.tasks) {
      const id = /j\d{5}/.exec(task.text)![0];
      tasksByJob.set(id, [
        ...(tasksByJob.get(id) ?? []),
        { taskId: task.taskId, requestId: task.requestId },
      ]);
    }
    for (const [id, tasks] of tasksByJob) expect(tasks, `${id} was created twice`).toHaveLength(1);
    expect(
      harness.gateway.calls.filter((c) => c.path === CREATE_PATH && c.verdict === 'ok'),
    ).toHaveLength(harness.gateway.tasks.length);
    for (const job of jobs) {
      const tasks = tasksByJob.get(job.id) ?? [];
      if (job.state === 'downloaded')
        expect(tasks).toEqual([{ taskId: job.taskId, requestId: job.requestId }]);
      else expect(tasks.every((t) => t.requestId === job.requestId)).toBe(true);
    }
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
});
