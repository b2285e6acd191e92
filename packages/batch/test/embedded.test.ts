import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BatchEvent, openSqliteStore, runBatch, storePathFor } from '../src/index.js';
import { createsPerJob, type Harness, startGateway, tempDir, writeJobsCsv } from './helpers.js';

let harness: Harness | undefined;
let temp: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await harness?.close();
  temp?.cleanup();
  harness = undefined;
  temp = undefined;
});

describe('runBatch (embedded SQLite store)', () => {
  it('renders every job once, downloads video and subtitles, and a second run does nothing', async () => {
    harness = await startGateway();
    temp = tempDir();
    const input = writeJobsCsv(temp.dir, 60, harness.avatar);
    const events: BatchEvent[] = [];
    const summary = await runBatch({
      input,
      client: harness.client(),
      concurrency: 8,
      pollMinMs: 5,
      pollMaxMs: 200,
      onEvent: (e) => events.push(e),
    });
    expect(summary.counts.downloaded).toBe(60);
    expect(summary.creates).toBe(60);
    const perJob = createsPerJob(harness.gateway);
    expect(perJob.size).toBe(60);
    expect([...perJob.values()].every((n) => n === 1)).toBe(true);
    const media = join(temp.dir, 'out', 'j00001.webm');
    expect(readFileSync(media).byteLength).toBeGreaterThan(0);
    expect(existsSync(join(temp.dir, 'out', 'j00001.srt'))).toBe(true);
    const store = await openSqliteStore(storePathFor(input), { lock: false });
    const job = await store.get('j00001');
    await store.close();
    expect(job?.files?.[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const calls = harness.gateway.calls.length;
    const again = await runBatch({ input, client: harness.client(), pollMinMs: 5 });
    expect(again.creates).toBe(0);
    expect(again.polls).toBe(0);
    expect(again.counts.downloaded).toBe(60);
    expect(harness.gateway.calls.length).toBe(calls);
  });
});
