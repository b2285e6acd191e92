import { createSigner } from '@tvs/signer';
import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { TvsAmbiguousError } from './errors/tvs-ambiguous-error.js';
import { TvsTimeoutError } from './errors/tvs-timeout-error.js';

const ok = () =>
  Response.json({ Header: { Code: 0, Message: '', RequestID: 'r' }, Payload: { Done: true } });

describe('transport signing', () => {
  it('signs repeat calls exactly as signer.signUrl does, awkward appkeys and paths included', async () => {
    let ms = 1_717_639_699_000;
    const now = () => ms;
    const credentials = { appkey: "app key!*'()~+/=é", accessToken: 'tok-SECRET-transport' };
    const sent: string[] = [];
    const client = createClient({
      ...credentials,
      baseUrl: 'HTTP://Example.COM:80/base/',
      now,
      fetch: async (input) => {
        sent.push((input as Request).url);
        return ok();
      },
    });
    const signer = createSigner(credentials, { now });
    for (const path of ['/v2/a/b c', '/v2/a/%7Ex', '/v2/q?x=1&appkey=old', '/v2/a/b c']) {
      for (let i = 0; i < 3; i++) {
        ms += 1_500;
        const result = await client.request(path, {});
        expect(result.payload).toEqual({ Done: true });
        expect(sent.at(-1)).toBe(signer.signUrl(`http://example.com/base${path}`));
      }
    }
  });
});

describe('transport timeouts', () => {
  /** Answers with headers and the start of a body that never ends. */
  const stalling = () => {
    const calls: string[] = [];
    const fetch = async (input: unknown) => {
      const request = input as Request;
      calls.push(request.url);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"Header":'));
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    };
    return { calls, fetch };
  };
  const options = { appkey: 'a', accessToken: 'tok-SECRET-transport', baseUrl: 'http://gw.test' };
  const retry = { limit: 1, baseDelay: 1, maxDelay: 2 };

  it('times out a stalled body within the attempt timeout and retries an idempotent call', async () => {
    const { calls, fetch } = stalling();
    const client = createClient({ ...options, fetch, timeout: 40, retry });
    const error = await client.request('/v2/read', {}, { idempotent: true }).catch((e) => e);
    expect(error).toBeInstanceOf(TvsTimeoutError);
    expect(error.attempts).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it('does not resend a stalled non-idempotent call and reports it as ambiguous', async () => {
    const { calls, fetch } = stalling();
    const client = createClient({ ...options, fetch, timeout: 40, retry });
    const error = await client.request('/v2/make', {}).catch((e) => e);
    expect(error).toBeInstanceOf(TvsAmbiguousError);
    expect(error.cause).toBeInstanceOf(TvsTimeoutError);
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.attempts).toBe(1);
    expect(calls).toHaveLength(1);
  });
});

describe('transport retries by the error tables (1240/81277, 100406)', () => {
  const options = { appkey: 'a', accessToken: 'tok-SECRET-transport', baseUrl: 'http://gw.test' };
  const retry = { limit: 2, baseDelay: 1, maxDelay: 2 };
  /** Answers `code` first, then success. */
  const answering = (code: number) => {
    const calls: string[] = [];
    const fetch = async (input: unknown) => {
      calls.push((input as Request).url);
      if (calls.length > 1) return ok();
      return Response.json({ Header: { Code: code, Message: 'X:y', RequestID: 'r' }, Payload: {} });
    };
    return { calls, fetch };
  };

  it.each([
    ['throttling (safe to resend)', 100012, '/v2/make', false, 2],
    ['not enough compute (safe to resend)', -101001, '/v2/make', false, 2],
    ['an internal error on an idempotent read (may later succeed)', -101000, '/v2/read', true, 2],
    ['an internal error on a make: the gateway may have acted', -101000, '/v2/make', false, 1],
    ['a bad parameter', 100001, '/v2/read', true, 1],
    ['100014, whose advice is to check the quota', 100014, '/v2/read', true, 1],
  ])('%s: %i on %s → %i call(s)', async (_what, code, path, idempotent, expected) => {
    const { calls, fetch } = answering(code);
    const client = createClient({ ...options, fetch, retry });
    await client.request(path, {}, { idempotent }).catch((e) => e);
    expect(calls).toHaveLength(expected);
  });
});
