/** How reading a response body ended. @internal */
export type BodyRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** Over the cap: by its `Content-Length`, or once that many bytes arrived. */
  | { readonly ok: false; readonly reason: 'too-large' }
  /** The deadline passed first. */
  | { readonly ok: false; readonly reason: 'timeout' }
  /** The stream failed: the connection dropped, or the request's signal aborted it. */
  | { readonly ok: false; readonly reason: 'broken'; readonly cause: unknown };

/** What bounds a read. @internal */
export interface ReadLimits {
  /** The most bytes kept; one more ends the read. */
  readonly maxBytes: number;
  /** Milliseconds the read may take (`Infinity`: no limit). */
  readonly timeoutMs: number;
}

const EMPTY = new Uint8Array(0);

/**
 * Reads a response body as a stream, keeping at most `maxBytes` and stopping at the deadline.
 * Never throws: the stream is cancelled on every early end, so the connection is released.
 * @internal
 */
export async function readBody(response: Response, limits: ReadLimits): Promise<BodyRead> {
  const body = response.body;
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limits.maxBytes) {
    void body?.cancel().catch(() => {});
    return { ok: false, reason: 'too-large' };
  }
  if (body === null) return { ok: true, bytes: EMPTY };
  const reader = body.getReader();
  let timedOut = false;
  const timer =
    limits.timeoutMs === Number.POSITIVE_INFINITY
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          // Settles the pending read with `done`; `timedOut` tells it from a real end.
          void reader.cancel().catch(() => {});
        }, limits.timeoutMs);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) return { ok: false, reason: 'timeout' };
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        void reader.cancel().catch(() => {});
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch (cause) {
    return timedOut ? { ok: false, reason: 'timeout' } : { ok: false, reason: 'broken', cause };
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
