import { describe, expect, it } from 'vitest';
import { ApiPromise, type WithResponse } from './api-promise.js';

const result = (data: string): WithResponse<string> => ({
  data,
  requestId: 'r1',
  header: { Code: 0, Message: '', RequestID: 'r1' },
  response: new Response(null, { status: 200 }),
});

describe('ApiPromise', () => {
  it('awaits to the data, and withResponse() to the data with its metadata', async () => {
    const promise = new ApiPromise(Promise.resolve(result('payload')));
    expect(promise).toBeInstanceOf(Promise);
    expect(await promise).toBe('payload');
    const full = await promise.withResponse();
    expect(full.data).toBe('payload');
    expect(full.requestId).toBe('r1');
    expect(full.response.status).toBe(200);
    expect(await promise.then((x) => x.length)).toBe(7);
    expect(await Promise.all([promise])).toEqual(['payload']);
  });

  it('rejects through then, catch and finally, and withResponse', async () => {
    const failing = () => new ApiPromise<string>(Promise.reject(new Error('nope')));
    await expect(failing()).rejects.toThrow('nope');
    expect(await failing().catch((e: unknown) => (e as Error).message)).toBe('nope');
    let ran = false;
    await expect(failing().finally(() => (ran = true))).rejects.toThrow('nope');
    expect(ran).toBe(true);
    await expect(failing().withResponse()).rejects.toThrow('nope');
  });
});
