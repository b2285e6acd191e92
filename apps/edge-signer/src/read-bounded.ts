/** The outcome of reading a body with a size cap and, optionally, a deadline. */
export type BoundedRead =
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly reason: 'too-large' | 'timeout' | 'failed' };

/**
 * Reads a whole body, holding at most `limit` bytes plus one chunk: past the limit the stream is
 * cancelled. With `deadline`, a body still arriving when it aborts is cancelled too, so a
 * trickled or stalled body cannot hold the caller past it (the abort alone would not reach a
 * read that is already waiting in every runtime).
 */
export async function readBounded(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  deadline?: AbortSignal,
): Promise<BoundedRead> {
  if (body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  let onAbort: (() => void) | undefined;
  const expired = new Promise<'timeout'>((resolve) => {
    onAbort = () => resolve('timeout');
    if (deadline?.aborted) resolve('timeout');
    deadline?.addEventListener('abort', onAbort, { once: true });
  });
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stop = (reason: 'too-large' | 'timeout' | 'failed'): BoundedRead => {
    reader.cancel().catch(() => {});
    return { ok: false, reason };
  };
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array> | 'timeout';
      try {
        next = await Promise.race([reader.read(), expired]);
      } catch {
        return stop(deadline?.aborted ? 'timeout' : 'failed');
      }
      if (next === 'timeout') return stop('timeout');
      if (next.done) break;
      total += next.value.byteLength;
      if (total > limit) return stop('too-large');
      chunks.push(next.value);
    }
  } finally {
    if (onAbort) deadline?.removeEventListener('abort', onAbort);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
