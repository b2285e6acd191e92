import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { taskLoad } from '@tvs/mock-gateway';
import { describe, expect, it } from 'vitest';
import {
  type BatchEvent,
  BatchInputError,
  openSqliteStore,
  runBatch,
  storePathFor,
} from '../src/index.js';
import { APPKEY, CREATE_PATH, createsPerJob, perTest, TOKEN, writeJobsCsv } from './helpers.js';
import { freePort } from './processes.js';

const scope = perTest();

const fast = { pollMinMs: 5, pollMaxMs: 200 };

describe('runBatch (embedded SQLite store)', () => {
  it('renders every job once, downloads video and subtitles with checksums, and a second run only reports', async () => {
    const harness = await scope.gateway();
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 60, harness.avatar);
    const events: BatchEvent[] = [];
    const summary = await runBatch({
      input,
      client: harness.client(),
      concurrency: 8,
      ...fast,
      onEvent: (e) => events.push(e),
    });
    expect(summary.counts.downloaded).toBe(60);
    expect(summary.creates).toBe(60);
    const perJob = createsPerJob(harness.gateway);
    expect(perJob.size).toBe(60);
    expect([...perJob.values()].every((n) => n === 1)).toBe(true);
    expect(readFileSync(join(temp.dir, 'out', 'j00001.webm')).byteLength).toBeGreaterThan(0);
    expect(readFileSync(join(temp.dir, 'out', 'j00001.srt'), 'utf8')).toMatch(/-->/);
    const manifest = readFileSync(join(temp.dir, 'out', 'manifest.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(manifest).toHaveLength(61);
    expect(manifest[1]).toMatch(
      /^j00001,downloaded,[0-9a-f]+,[0-9a-f]{32},.*j00001\.webm,\d+,[0-9a-f]{64},.*j00001\.srt,\d+,,$/,
    );
    expect(events.filter((e) => e.type === 'state' && e.state === 'downloaded')).toHaveLength(60);
    // Every state event names where the job came from: the counts they imply end where the store does.
    const counts = { ...(events[0] as Extract<BatchEvent, { type: 'start' }>).counts };
    for (const e of events) {
      if (e.type !== 'state') continue;
      counts[e.from]--;
      counts[e.state]++;
    }
    expect(counts).toEqual(summary.counts);

    const calls = harness.gateway.calls.length;
    const again = await runBatch({ input, client: harness.client(), ...fast });
    expect(again).toMatchObject({ creates: 0, polls: 0, downloadedNow: 0 });
    expect(again.counts.downloaded).toBe(60);
    expect(harness.gateway.calls.length).toBe(calls);
  });

  it('refuses an invalid file with line numbers and sends nothing', async () => {
    const harness = await scope.gateway();
    const temp = scope.temp();
    const input = join(temp.dir, 'bad.csv');
    writeFileSync(
      input,
      `id,text,avatar\nok,Hello,${harness.avatar}\nok,Again,${harness.avatar}\nx,,${harness.avatar}\n`,
    );
    const error = await runBatch({ input, client: harness.client() }).catch((e) => e);
    expect(error).toBeInstanceOf(BatchInputError);
    expect((error as BatchInputError).problems.map((p) => p.line)).toEqual([3, 4]);
    expect(harness.gateway.calls).toHaveLength(0);
    expect(existsSync(storePathFor(input))).toBe(false);
  });

  it('refuses client options the client does not know, and leaves the store free for the next run', async () => {
    const harness = await scope.gateway();
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 2, harness.avatar);
    const clientOptions = { appkey: APPKEY, accessToken: TOKEN, baseUrl: harness.server.url };
    const error = await runBatch({
      input,
      clientOptions: { ...clientOptions, baseURL: harness.server.url } as never,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/unknown option "baseURL"; did you mean "baseUrl"\?/);
    expect(harness.gateway.calls).toHaveLength(0);
    // The run lock was let go: the same input runs in this process.
    const summary = await runBatch({ input, clientOptions, ...fast });
    expect(summary.counts.downloaded).toBe(2);
  });

  it('records failures with their explanation: a refused create and a task that fails review', async () => {
    const harness = await scope.gateway();
    const temp = scope.temp();
    const input = join(temp.dir, 'jobs.csv');
    writeFileSync(
      input,
      `id,text,avatar\ngood,Hello,${harness.avatar}\nreview,This has a blockedword,${harness.avatar}\nunknown,Hello,no-such-avatar\n`,
    );
    const summary = await runBatch({ input, client: harness.client(), ...fast });
    expect(summary.counts).toMatchObject({ downloaded: 1, failed: 2 });
    const store = await openSqliteStore(storePathFor(input), { lock: false });
    expect(await store.get('review')).toMatchObject({ state: 'failed', failCode: 801005 });
    expect((await store.get('review'))?.explanation).toMatch(/content review/);
    expect(await store.get('unknown')).toMatchObject({
      state: 'failed',
      failCode: 100016,
      creates: 1,
    });
    await store.close();
  });

  it('makes a create whose answer was lost ambiguous, never sends it again, and resubmits it only when asked', async () => {
    const harness = await scope.gateway();
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 5, harness.avatar);
    harness.gateway.faults.next({ kind: 'reset-after', path: 'videomake' });
    const first = await runBatch({ input, client: harness.client(), concurrency: 1, ...fast });
    expect(first.counts).toMatchObject({ downloaded: 4, ambiguous: 1 });
    // The gateway did create it: one task exists for every job.
    expect([...createsPerJob(harness.gateway).values()]).toEqual([1, 1, 1, 1, 1]);
    const second = await runBatch({ input, client: harness.client(), ...fast });
    expect(second).toMatchObject({ creates: 0 });
    expect(second.counts.ambiguous).toBe(1);
    const warnings: string[] = [];
    const third = await runBatch({
      input,
      client: harness.client(),
      resubmitAmbiguous: true,
      ...fast,
      onEvent: (e) => e.type === 'warning' && warnings.push(e.message),
    });
    expect(third.counts.downloaded).toBe(5);
    expect(warnings.join('\n')).toMatch(
      /resubmitting 1 ambiguous jobs: any of them the gateway did create will be rendered \(and billed\) twice/,
    );
    expect([...createsPerJob(harness.gateway).values()].sort()).toEqual([1, 1, 1, 1, 2]);
  });

  it('rides out a throttle storm: no job fails, and the run backs off instead of hammering', async () => {
    const harness = await scope.gateway();
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 40, harness.avatar);
    const throttled: number[] = [];
    let stormStart = 0;
    const storm = new Promise<void>((resolve) => {
      setTimeout(() => {
        stormStart = harness.gateway.calls.length;
        harness.gateway.faults.add({ kind: 'throttle' });
        setTimeout(() => {
          harness.gateway.faults.clear();
          resolve();
        }, 1_000);
      }, 100);
    });
    const summary = await runBatch({
      input,
      client: harness.client(),
      concurrency: 8,
      ...fast,
      onEvent: (e) => e.type === 'throttled' && throttled.push(e.pauseMs),
    });
    await storm;
    expect(summary.counts.downloaded).toBe(40);
    expect([...createsPerJob(harness.gateway).values()].every((n) => n === 1)).toBe(true);
    const stormCalls = harness.gateway.calls.slice(stormStart).filter((c) => c.code === 100012);
    expect(stormCalls.length).toBeGreaterThan(0);
    // Unpaced, 8 slots and 8 polls would send thousands of calls in a second; paced, a few dozen.
    expect(stormCalls.length).toBeLessThan(60);
    expect(summary.throttles).toBe(throttled.length);
    expect(Math.max(...throttled)).toBeGreaterThan(500);
  });

  it('respects the gateway queue: once tasks wait there, it feeds the queue instead of piling onto it', async () => {
    // Renders of ~180 ms: the first eight creates all land while the first two render.
    const harness = await scope.gateway({ concurrency: 2, renderSpeed: 10 });
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 30, harness.avatar);
    const summary = await runBatch({
      input,
      client: harness.client(),
      concurrency: 8,
      maxQueued: 1,
      ...fast,
    });
    expect(summary.counts.downloaded).toBe(30);
    const tasks = [...harness.gateway.tasks].sort((a, b) => a.submittedAt - b.submittedAt);
    const burst = taskLoad(tasks.slice(0, 8)).get(APPKEY)!;
    expect(burst.peakQueued).toBeGreaterThanOrEqual(4);
    const after = taskLoad(tasks, tasks[8]!.submittedAt).get(APPKEY)!;
    expect(after.peakQueued).toBeLessThanOrEqual(2);
    expect(taskLoad(tasks).get(APPKEY)!.peakRendering).toBe(2);
  });

  it('stops at once on its signal with the state consistent, and the next run finishes the rest', async () => {
    const harness = await scope.gateway({ renderSpeed: 20 });
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 40, harness.avatar);
    const controller = new AbortController();
    let downloaded = 0;
    const stopped = await runBatch({
      input,
      client: harness.client(),
      concurrency: 4,
      ...fast,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'state' && e.state === 'downloaded' && ++downloaded === 10)
          controller.abort();
      },
    });
    expect(stopped.stopped).toBe(true);
    expect(stopped.counts.submitting).toBe(0);
    expect(stopped.counts.downloaded).toBeLessThan(40);
    const creates = harness.gateway.calls.filter((c) => c.path === CREATE_PATH).length;
    expect(creates).toBe(stopped.creates);
    const rest = await runBatch({ input, client: harness.client(), concurrency: 4, ...fast });
    expect(rest.counts.downloaded).toBe(40);
    expect([...createsPerJob(harness.gateway).values()].every((n) => n === 1)).toBe(true);
    expect(createsPerJob(harness.gateway).size).toBe(40);
  });

  it('takes callbacks as hints and resolves an ambiguous create when its callback names the task', async () => {
    const harness = await scope.gateway({ renderSpeed: 20 });
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 6, harness.avatar);
    const port = await freePort();
    harness.gateway.faults.next({ kind: 'reset-after', path: 'videomake' });
    const warnings: string[] = [];
    const summary = await runBatch({
      input,
      client: harness.client(),
      concurrency: 2,
      // Slow polls: the callbacks are what move the run.
      pollMinMs: 2_000,
      pollMaxMs: 5_000,
      callbackUrl: `http://127.0.0.1:${port}/tvs/callback`,
      callbackListen: { host: '127.0.0.1', port },
      onEvent: (e) => e.type === 'warning' && warnings.push(e.message),
    });
    expect(summary.counts.downloaded).toBe(6);
    expect(warnings.join('\n')).toMatch(/j00001: its callback named task \w+: no longer ambiguous/);
    expect([...createsPerJob(harness.gateway).values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(harness.gateway.tasks.every((t) => t.callback?.status === 200)).toBe(true);
    expect(harness.gateway.tasks[0]!.callbackUrl).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/tvs\/callback\?job=j00001&rid=[0-9a-f]{32}$/,
    );
  });
});
