import { describe, expect, it } from 'vitest';
import { readBody } from './read-body.js';

const bytes = (n: number) => new Uint8Array(n).fill(65);
/** A body that sends `chunks`, then either ends, fails or stalls. */
function streamed(chunks: Uint8Array[], end: 'close' | 'error' | 'stall' = 'close') {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (end === 'close') controller.close();
      if (end === 'error') controller.error(new TypeError('terminated'));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(body), cancelled: () => cancelled };
}

describe('readBody', () => {
  it('reads a body whole, joining chunks', async () => {
    const { response } = streamed([bytes(3), bytes(4)]);
    const read = await readBody(response, { maxBytes: 10, timeoutMs: 1000 });
    expect(read).toEqual({ ok: true, bytes: bytes(7) });
    expect(await readBody(new Response(null), { maxBytes: 1, timeoutMs: 1 })).toEqual({
      ok: true,
      bytes: new Uint8Array(0),
    });
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const response = new Response('x'.repeat(100), { headers: { 'content-length': '100' } });
    expect(await readBody(response, { maxBytes: 10, timeoutMs: 1000 })).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });

  it('stops at the cap while streaming and cancels the stream', async () => {
    const { response, cancelled } = streamed([bytes(6), bytes(6), bytes(6)], 'stall');
    const read = await readBody(response, { maxBytes: 10, timeoutMs: 60_000 });
    expect(read).toEqual({ ok: false, reason: 'too-large' });
    expect(cancelled()).toBe(true);
  });

  it('times out a stalled body and cancels it', async () => {
    const { response, cancelled } = streamed([bytes(2)], 'stall');
    const read = await readBody(response, { maxBytes: 10, timeoutMs: 30 });
    expect(read).toEqual({ ok: false, reason: 'timeout' });
    expect(cancelled()).toBe(true);
  });

  it('reports a body that broke off', async () => {
    const { response } = streamed([bytes(2)], 'error');
    const read = await readBody(response, { maxBytes: 10, timeoutMs: 1000 });
    expect(read).toMatchObject({ ok: false, reason: 'broken' });
  });
});
