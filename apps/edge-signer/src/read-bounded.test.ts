import { describe, expect, it } from 'vitest';
import { readBounded } from './read-bounded.js';

/** A stream that yields `chunks` and then either ends or stays open. */
function streamOf(chunks: string[], end = true): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (end) controller.close();
    },
  });
}

describe('readBounded', () => {
  it('reads a whole body, and an absent one as empty', async () => {
    const read = await readBounded(streamOf(['{"a"', ':1}']), 100);
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe('{"a":1}');
    expect(await readBounded(null, 1)).toMatchObject({ ok: true, bytes: new Uint8Array(0) });
  });

  it('stops at the limit and cancels the stream', async () => {
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(1024)),
      cancel: () => {
        cancelled = true;
      },
    });
    expect(await readBounded(endless, 4096)).toEqual({ ok: false, reason: 'too-large' });
    expect(cancelled).toBe(true);
  });

  it('gives up when the deadline aborts while a read is waiting', async () => {
    const controller = new AbortController();
    const pending = readBounded(streamOf(['{"partial'], false), 100, controller.signal);
    controller.abort();
    expect(await pending).toEqual({ ok: false, reason: 'timeout' });
    const late = new AbortController();
    late.abort();
    expect(await readBounded(streamOf([], false), 100, late.signal)).toEqual({
      ok: false,
      reason: 'timeout',
    });
  });

  it('reports a stream that errors as failed', async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.error(new TypeError('connection reset')),
    });
    expect(await readBounded(broken, 100)).toEqual({ ok: false, reason: 'failed' });
  });
});
