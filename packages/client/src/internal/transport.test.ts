// The transport through createClient with an injected fetch: signing, the retry rules on the
// error tables, timeouts, the size cap, hooks and per-call options. The same over real sockets
// is in test/.

import { TvsEnvelopeError } from '@tvs/envelope';
import { createSigner } from '@tvs/signer';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { TvsAmbiguousError } from '../errors/tvs-ambiguous-error.js';
import { TvsTimeoutError } from '../errors/tvs-timeout-error.js';
import type { HookRequest, HookResponse, HookRetry } from '../hooks.js';

const TOKEN = 'tok-SECRET-transport';
const options = { appkey: 'a', accessToken: TOKEN, baseUrl: 'http://gw.test' };
const ok = (Payload: object = { Done: true }) =>
  Response.json({ Header: { Code: 0, Message: '', RequestID: 'r' }, Payload });
const code = (Code: number) =>
  Response.json({ Header: { Code, Message: 'X:y', RequestID: 'r' }, Payload: {} });

/** A fetch answering from `answers` in turn (the last one repeats), recording each request. */
function scripted(...answers: Array<() => Response | Promise<Response>>) {
  const requests: Request[] = [];
  const fetch = async (input: unknown) => {
    const request = input as Request;
    requests.push(request);
    return answers[Math.min(requests.length - 1, answers.length - 1)]!();
  };
  return { requests, fetch };
}

describe('transport signing', () => {
  it('signs every attempt exactly as signer.signUrl does, awkward appkeys and paths included', async () => {
    let ms = 1_717_639_699_000;
    const now = () => ms;
    const credentials = { appkey: "app key!*'()~+/=é", accessToken: TOKEN };
    const { requests, fetch } = scripted(() => ok());
    const client = createClient({
      ...credentials,
      baseUrl: 'HTTP://Example.COM:80/base/',
      now,
      fetch,
    });
    const signer = createSigner(credentials, { now });
    for (const path of ['/v2/a/b c', '/v2/a/%7Ex', '/v2/q?x=1&appkey=old', '/v2/a/b c']) {
      ms += 1_500;
      const result = await client.request(path, {});
      expect(result.payload).toEqual({ Done: true });
      expect(requests.at(-1)!.url).toBe(signer.signUrl(`http://example.com/base${path}`));
    }
  });
});

describe('clock skew', () => {
  const far = () => new Date(Date.now() + 10 * 60_000).toUTCString();
  const timestampOf = (request: Request) =>
    Number(new URL(request.url).searchParams.get('timestamp'));

  it('learns the gateway’s clock from a refused signature, and from nothing else', async () => {
    const withDate = (response: Response) => {
      response.headers.set('date', far());
      return response;
    };
    const throttled = scripted(
      () => withDate(code(100012)),
      () => withDate(ok()),
    );
    const client = createClient({
      ...options,
      fetch: throttled.fetch,
      retry: { baseDelay: 1, maxDelay: 1 },
    });
    await client.request('/v2/read', {}, { idempotent: true });
    const local = Math.floor(Date.now() / 1000);
    expect(Math.abs(timestampOf(throttled.requests[1]!) - local)).toBeLessThan(5);

    const refused = scripted(
      () => withDate(code(100005)),
      () => ok(),
    );
    const skewed = createClient({ ...options, fetch: refused.fetch });
    await skewed.request('/v2/make', {});
    expect(refused.requests).toHaveLength(2);
    expect(timestampOf(refused.requests[1]!) - local).toBeGreaterThan(9 * 60);
  });
});

describe('transport retries by the error tables (1240/81277, 100406)', () => {
  const retry = { limit: 2, baseDelay: 1, maxDelay: 2 };
  it.each([
    ['throttling (safe to resend)', 100012, '/v2/make', false, 2],
    ['not enough compute (safe to resend)', -101001, '/v2/make', false, 2],
    ['an internal error on an idempotent read (may later succeed)', -101000, '/v2/read', true, 2],
    ['an internal error on a make: the gateway may have acted', -101000, '/v2/make', false, 1],
    ['a bad parameter', 100001, '/v2/read', true, 1],
    ['100014, whose advice is to check the quota', 100014, '/v2/read', true, 1],
  ])(
    '%s: %i on %s (idempotent: %s) → %i call(s)',
    async (_what, gatewayCode, path, idempotent, expected) => {
      const { requests, fetch } = scripted(
        () => code(gatewayCode),
        () => ok(),
      );
      const client = createClient({ ...options, fetch, retry });
      await client.request(path, {}, { idempotent }).catch((e) => e);
      expect(requests).toHaveLength(expected);
    },
  );

  it('gives a create answered -101000 a TvsAmbiguousError carrying the code', async () => {
    const { fetch } = scripted(() => code(-101000));
    const error = await createClient({ ...options, fetch })
      .request('/v2/make', {})
      .catch((e) => e);
    expect(error).toBeInstanceOf(TvsAmbiguousError);
    expect(error).toMatchObject({ reason: 'code', gatewayCode: -101000, attempts: 1 });
  });
});

describe('transport timeouts and bounded reads', () => {
  /** Answers with headers and the start of a body that never ends. */
  const stalling = () =>
    scripted(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"Header":'));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
  const retry = { limit: 1, baseDelay: 1, maxDelay: 2 };

  it('times out a stalled body within the attempt timeout and retries an idempotent call', async () => {
    const { requests, fetch } = stalling();
    const client = createClient({ ...options, fetch, timeout: 40, retry });
    const error = await client.request('/v2/read', {}, { idempotent: true }).catch((e) => e);
    expect(error).toBeInstanceOf(TvsTimeoutError);
    expect(error.attempts).toBe(2);
    expect(requests).toHaveLength(2);
  });

  it('does not resend a stalled non-idempotent call and reports it as ambiguous', async () => {
    const { requests, fetch } = stalling();
    const client = createClient({ ...options, fetch, timeout: 40, retry });
    const error = await client.request('/v2/make', {}).catch((e) => e);
    expect(error).toBeInstanceOf(TvsAmbiguousError);
    expect(error.cause).toBeInstanceOf(TvsTimeoutError);
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.attempts).toBe(1);
    expect(requests).toHaveLength(1);
  });

  it('fails a body over maxResponseBytes unread: TvsEnvelopeError for a read, ambiguous for a create', async () => {
    const big = () => ok({ Blob: 'x'.repeat(5000) });
    const { fetch } = scripted(big);
    const client = createClient({ ...options, fetch, maxResponseBytes: 1000 });
    const read = await client.request('/v2/read', {}, { idempotent: true }).catch((e) => e);
    expect(read).toBeInstanceOf(TvsEnvelopeError);
    expect(read).toMatchObject({ code: 'too-large' });
    expect(read.requestId).toMatch(/^[0-9a-f]{32}$/);
    const create = await client.request('/v2/make', {}).catch((e) => e);
    expect(create).toBeInstanceOf(TvsAmbiguousError);
    expect(create.reason).toBe('body');
  });

  it('gives a cut-off 200 body on a create TvsAmbiguousError with the requestId; a read retries', async () => {
    const cut = () => new Response('{"Header":{"Code":0,"Mess', { status: 200 });
    const { requests, fetch } = scripted(cut, () => ok());
    const client = createClient({ ...options, fetch, retry });
    const error = await client.request('/v2/make', {}).catch((e) => e);
    expect(error).toBeInstanceOf(TvsAmbiguousError);
    expect(error.reason).toBe('body');
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.cause).toBeInstanceOf(TvsEnvelopeError);
    expect(requests).toHaveLength(1);
    const again = scripted(cut, () => ok());
    const read = createClient({ ...options, fetch: again.fetch, retry });
    await expect(read.request('/v2/read', {}, { idempotent: true })).resolves.toBeTruthy();
    expect(again.requests).toHaveLength(2);
  });
});

describe('hooks', () => {
  it('runs beforeRequest (headers sent), afterResponse, beforeRetry and beforeError with redacted URLs', async () => {
    const seen: string[] = [];
    const requests: HookRequest[] = [];
    const responses: HookResponse[] = [];
    const retries: HookRetry[] = [];
    const errors: unknown[] = [];
    const { requests: sent, fetch } = scripted(
      () => code(100012),
      () => code(100001),
    );
    const client = createClient({
      ...options,
      fetch,
      retry: { limit: 1, baseDelay: 1, maxDelay: 1 },
      hooks: {
        beforeRequest: [
          (r) => {
            requests.push(r);
            r.headers.set('traceparent', `00-${r.requestId}-0000000000000001-01`);
            seen.push(`client before ${r.attempt}`);
          },
        ],
        afterResponse: [(r) => void responses.push(r)],
        beforeRetry: [(r) => void retries.push(r)],
        beforeError: [({ error }) => void errors.push(error)],
      },
    });
    const error = await client
      .request(
        '/v2/read',
        {},
        {
          idempotent: true,
          hooks: { beforeRequest: [(r) => void seen.push(`call before ${r.attempt}`)] },
        },
      )
      .catch((e) => e);
    expect(seen).toEqual(['client before 1', 'call before 1', 'client before 2', 'call before 2']);
    expect(sent.map((r) => r.headers.get('traceparent'))).toEqual([
      `00-${requests[0]!.requestId}-0000000000000001-01`,
      `00-${requests[0]!.requestId}-0000000000000001-01`,
    ]);
    for (const r of [...requests, ...responses, ...retries]) {
      expect(r.url).toMatch(/signature=REDACTED$/);
      expect(JSON.stringify(r)).not.toContain(TOKEN);
    }
    expect(responses.map((r) => [r.status, r.code, r.next])).toEqual([
      [200, 100012, 'retry'],
      [200, 100001, 'fail'],
    ]);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.error).toMatchObject({ code: 100012 });
    expect(errors).toEqual([error]);
  });

  it('a beforeRequest hook that throws fails the call before sending; other hook errors are ignored', async () => {
    const { requests, fetch } = scripted(() => ok());
    const failing = createClient({
      ...options,
      fetch,
      hooks: {
        beforeRequest: [
          () => {
            throw new Error('no tracing today');
          },
        ],
      },
    });
    await expect(failing.request('/v2/make', {})).rejects.toThrow('no tracing today');
    expect(requests).toHaveLength(0);
    const noisy = createClient({
      ...options,
      fetch,
      hooks: {
        afterResponse: [
          () => {
            throw new Error('ignored');
          },
        ],
      },
    });
    await expect(noisy.request('/v2/make', {})).resolves.toMatchObject({ payload: { Done: true } });
  });
});

describe('per-call options', () => {
  it('adds headers, overrides retry and refuses unknown names with a suggestion', async () => {
    const { requests, fetch } = scripted(() => code(100012));
    const client = createClient({
      ...options,
      fetch,
      retry: { limit: 3, baseDelay: 1, maxDelay: 1 },
    });
    await client
      .request('/v2/make', {}, { retry: false, headers: { 'x-trace-id': 'abc' } })
      .catch(() => {});
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.get('x-trace-id')).toBe('abc');
    expect(requests[0]!.headers.get('x-tvs-sdk')).toMatch(/^typescript\//);
    await expect(client.request('/v2/make', {}, { timeOut: 5 } as never)).rejects.toThrow(
      /unknown option "timeOut"; did you mean "timeout"/,
    );
    await expect(
      client.video.progress({ TaskId: 't' }, { signals: undefined } as never),
    ).rejects.toThrow(/did you mean "signal"/);
    expect(requests).toHaveLength(1);
  });

  it('gives every typed method its response metadata through withResponse(), the plain call unchanged', async () => {
    const { fetch } = scripted(() =>
      Response.json(
        {
          Header: { Code: 0, Message: '', RequestID: 'gw-1', SessionID: 's' },
          Payload: { TaskId: 't1' },
        },
        { headers: { 'x-extra': 'yes' } },
      ),
    );
    const client = createClient({ ...options, fetch });
    const payload = { VirtualmanKey: 'k', InputSsml: 'hi', SpeechParam: { Speed: 1 } };
    expect(await client.video.make(payload)).toEqual({ TaskId: 't1' });
    const { data, requestId, header, response } = await client.video.make(payload).withResponse();
    expect(data).toEqual({ TaskId: 't1' });
    expect(requestId).toBe('gw-1');
    expect(header).toMatchObject({ Code: 0, SessionID: 's' });
    expect(response.headers.get('x-extra')).toBe('yes');
  });
});

describe('what errors carry', () => {
  it('keeps no signed URL in a network error’s cause, even where fetch quotes it', async () => {
    const { inspect } = await import('node:util');
    const fetch = async (input: unknown) => {
      const url = (input as Request).url;
      throw new TypeError(
        `Request cannot be constructed from a URL that includes credentials: ${url}`,
        {
          cause: Object.assign(new Error(`socket hang up for ${url}`), { code: 'ECONNRESET', url }),
        },
      );
    };
    const client = createClient({ ...options, fetch, retry: false });
    for (const idempotent of [true, false]) {
      const error = await client.request('/v2/x', {}, { idempotent }).catch((e) => e);
      const text = [
        inspect(error, { showHidden: true, depth: 10 }),
        JSON.stringify(error),
        error.stack,
      ].join('\n');
      expect(text).toContain('signature=REDACTED');
      expect(text).not.toMatch(/signature=(?!REDACTED)[^&\s"']+/);
      expect(text).not.toContain(TOKEN);
    }
  });
});
