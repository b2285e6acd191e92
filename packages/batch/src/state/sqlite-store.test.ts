import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectStoreContract } from '../../test/store-contract.js';
import { BatchUsageError } from '../errors.js';
import type { JobSpec } from '../jobs.js';
import { openSqliteStore } from './sqlite-store.js';
import { eachJob } from './store.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tvs-batch-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const job = (id: string, text = 'Hi'): JobSpec => ({
  id,
  line: 2,
  operation: 'video.make',
  payload: { VirtualmanKey: 'av', InputSsml: text },
});

describe('openSqliteStore', () => {
  it('keeps the store contract', async () => {
    const store = await openSqliteStore(join(dir, 'a.db'));
    await expectStoreContract(store);
    await store.close();
  });

  it('turns jobs left submitting into ambiguous after a crash, and requeues on request', async () => {
    const store = await openSqliteStore(join(dir, 'b.db'));
    await store.load([job('a'), job('b')]);
    await store.claim('a', 'r1');
    expect(await store.recoverInterrupted()).toEqual(['a']);
    expect((await store.counts()).ambiguous).toBe(1);
    expect(await store.requeue('ambiguous')).toEqual(['a']);
    expect(await store.get('a')).toMatchObject({ state: 'queued', taskId: undefined });
    await store.close();
  });

  it('refuses a second live runner, and pages through jobs in id order', async () => {
    const path = join(dir, 'c.db');
    const first = await openSqliteStore(path);
    await first.load(Array.from({ length: 7 }, (_, i) => job(`j${i}`)));
    await expect(openSqliteStore(path)).rejects.toBeInstanceOf(BatchUsageError);
    const reader = await openSqliteStore(path, { lock: false });
    const ids: string[] = [];
    for await (const record of eachJob(reader, ['queued'], 3)) ids.push(record.id);
    expect(ids).toEqual(['j0', 'j1', 'j2', 'j3', 'j4', 'j5', 'j6']);
    await reader.close();
    await first.close();
    const again = await openSqliteStore(path);
    await again.close();
  });
});
