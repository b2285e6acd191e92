import { expect } from 'vitest';
import type { JobSpec } from '../src/jobs.js';
import type { JobStore } from '../src/state/store.js';

const job = (id: string, text = 'Hi'): JobSpec => ({
  id,
  line: 2,
  operation: 'video.make',
  payload: { VirtualmanKey: 'av', InputSsml: text },
});

/**
 * The contract both stores keep: every transition a compare-and-set from the states it names,
 * an unanswered create resolvable by its own `RequestID` only, requeueing on request.
 */
export async function expectStoreContract(store: JobStore): Promise<void> {
  expect(await store.load([job('a'), job('b')])).toEqual({ added: 2, known: 0, changed: [] });
  expect(await store.load([job('a'), job('b', 'changed')])).toEqual({
    added: 0,
    known: 2,
    changed: ['b'],
  });
  expect(await store.claim('a', 'r1')).toBe(true);
  expect(await store.claim('a', 'r2')).toBe(false);
  expect(await store.recordTask('a', 'other', 'T')).toBe(false);
  expect(await store.recordTask('a', 'r1', 'T1')).toBe(true);
  await store.recordProgress('a', 40, 2);
  expect(await store.get('a')).toMatchObject({
    state: 'rendering',
    taskId: 'T1',
    requestId: 'r1',
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
  // A throttled create goes back to queued; an unanswered one becomes ambiguous, and its own
  // answer (same RequestID) can still resolve it.
  expect(await store.claim('b', 'r3')).toBe(true);
  expect(await store.release('b', 'r3')).toBe(true);
  expect(await store.claim('b', 'r4')).toBe(true);
  expect(await store.markAmbiguous('b', 'r3')).toBe(false);
  expect(await store.markAmbiguous('b', 'r4')).toBe(true);
  expect(await store.recordTask('b', 'r3', 'T2')).toBe(false);
  expect(await store.recordTask('b', 'r4', 'T2')).toBe(true);
  expect(await store.get('b')).toMatchObject({ state: 'submitted', taskId: 'T2', creates: 2 });
  await store.markFailed('b', { code: 801005, explanation: 'review' });
  expect(await store.get('b')).toMatchObject({
    state: 'failed',
    failCode: 801005,
    explanation: 'review',
  });
  expect(await store.requeue('failed')).toEqual(['b']);
  expect(await store.get('b')).toMatchObject({
    state: 'queued',
    taskId: undefined,
    failCode: undefined,
  });
  expect(await store.counts()).toMatchObject({ queued: 1, downloaded: 1, failed: 0 });
}
