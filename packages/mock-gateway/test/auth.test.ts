import { createMockGateway, type ListeningGateway, type MockGateway } from '@tvs/mock-gateway';
import { createSigner } from '@tvs/signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPKEY, PATHS, post, signedUrl, T0, TOKEN } from './sign.js';

let gateway: MockGateway;
let server: ListeningGateway;
const ts = Math.floor(T0 / 1000);

beforeAll(async () => {
  gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => T0,
  });
  server = await gateway.listen();
});
afterAll(() => server.close());

const page = { PageIndex: 1, PageSize: 5 };
const official = 'BfWuaC9kmaicCggXc693uK%2BsZQ8qe88O4HVQNTdwZuo%3D';

describe('authentication (docs/protocol.md §2) over loopback', () => {
  it('accepts a URL signed by an independent node:crypto signer, and by @tvs/signer', async () => {
    const mine = await post(signedUrl(server.url, PATHS.timbres), page);
    expect(mine.json.Header.Code).toBe(0);
    const sdk = createSigner({ appkey: APPKEY, accessToken: TOKEN }, { now: () => T0 });
    const theirs = await post(sdk.signUrl(`${server.url}${PATHS.timbres}`), page);
    expect(theirs.json.Header.Code).toBe(0);
  });

  it('checks the official vector', async () => {
    const vector = createMockGateway({
      credentials: [
        {
          appkey: 'e38267c0e86411ebb02aed82acb0ed99',
          accessToken: 'f68f2d10ae9e4604b76fb05cf46bccec',
        },
      ],
      now: () => 1646636485_000,
    });
    const reply = await post(
      `https://gw.tvs.qq.com${PATHS.timbres}?appkey=e38267c0e86411ebb02aed82acb0ed99&timestamp=1646636485&signature=${official}`,
      page,
      { fetcher: vector.fetch as typeof fetch },
    );
    expect(reply.json.Header.Code).toBe(0);
  });

  const refusals: Array<[string, () => string, string]> = [
    ['no query at all', () => `${server.url}${PATHS.timbres}`, 'AuthFailure.MissingParameter'],
    [
      'no signature',
      () => signedUrl(server.url, PATHS.timbres).replace(/&signature=[^&]*/, ''),
      'AuthFailure.MissingParameter',
    ],
    [
      'no timestamp',
      () => `${server.url}${PATHS.timbres}?appkey=${APPKEY}&signature=abc`,
      'AuthFailure.MissingParameter',
    ],
    [
      'a repeated appkey',
      () => `${signedUrl(server.url, PATHS.timbres)}&appkey=${APPKEY}`,
      'AuthFailure.DuplicateParameter',
    ],
    [
      'a repeated signature',
      () => {
        const u = signedUrl(server.url, PATHS.timbres);
        return `${u}&signature=${u.split('signature=')[1]}`;
      },
      'AuthFailure.DuplicateParameter',
    ],
    [
      'a wrong token',
      () => signedUrl(server.url, PATHS.timbres, { token: 'nope' }),
      'AuthFailure.SignatureFailure',
    ],
    [
      'an unknown appkey',
      () => signedUrl(server.url, PATHS.timbres, { appkey: 'other' }),
      'AuthFailure.InvalidAppkey',
    ],
    [
      'an extra unsigned parameter',
      () => `${signedUrl(server.url, PATHS.timbres)}&extra=1`,
      'AuthFailure.SignatureFailure',
    ],
    [
      'a stale timestamp (301 s old)',
      () => signedUrl(server.url, PATHS.timbres, { timestamp: ts - 301 }),
      'AuthFailure.SignatureExpire',
    ],
    [
      'a future timestamp (301 s ahead)',
      () => signedUrl(server.url, PATHS.timbres, { timestamp: ts + 301 }),
      'AuthFailure.SignatureExpire',
    ],
    [
      'a timestamp in milliseconds',
      () => signedUrl(server.url, PATHS.timbres, { timestamp: T0 }),
      'AuthFailure.SignatureExpire',
    ],
    [
      'a non-numeric timestamp',
      () => signedUrl(server.url, PATHS.timbres, { timestamp: '12abc' }),
      'AuthFailure.InvalidTimestamp',
    ],
  ];
  it.each(refusals)(
    'refuses %s with 100005 and a Class:text Message, HTTP 200',
    async (_what, url, errorClass) => {
      const reply = await post(url(), page, { requestId: 'caller-id-1' });
      expect(reply.status).toBe(200);
      expect(reply.json.Header.Code).toBe(100005);
      expect(reply.json.Header.Message).toMatch(
        new RegExp(`^${errorClass.replace('.', '\\.')}:.+`),
      );
      expect(reply.json.Header.RequestID).toBe('caller-id-1');
      expect(gateway.calls.at(-1)).toMatchObject({ verdict: 'refused', code: 100005 });
    },
  );

  it('accepts timestamps 300 s off in either direction', async () => {
    for (const t of [ts - 300, ts + 300]) {
      expect(
        (await post(signedUrl(server.url, PATHS.timbres, { timestamp: t }), page)).json.Header.Code,
      ).toBe(0);
    }
  });

  it('sends a Date header from the gateway clock on every response, errors included', async () => {
    const ok = await post(signedUrl(server.url, PATHS.timbres), page);
    const bad = await post(`${server.url}${PATHS.timbres}`, page);
    expect(ok.headers.get('date')).toBe(new Date(T0).toUTCString());
    expect(bad.headers.get('date')).toBe(new Date(T0).toUTCString());
  });

  it('skews its clock on purpose: Date moves and a correct client clock becomes stale', async () => {
    gateway.faults.clockSkewMs = 10 * 60_000;
    try {
      const reply = await post(signedUrl(server.url, PATHS.timbres), page);
      expect(reply.json.Header.Code).toBe(100005);
      expect(reply.json.Header.Message).toMatch(/^AuthFailure\.SignatureExpire:/);
      const skewed = Date.parse(reply.headers.get('date')!);
      expect(skewed - T0).toBe(600_000);
      // A client that corrects its clock from the Date header gets through.
      const fixed = await post(
        signedUrl(server.url, PATHS.timbres, { timestamp: skewed / 1000 }),
        page,
      );
      expect(fixed.json.Header.Code).toBe(0);
    } finally {
      gateway.faults.clockSkewMs = 0;
    }
  });

  it('records the signature parameters it saw', async () => {
    const url = signedUrl(server.url, PATHS.timbres);
    await post(url, page, { requestId: 'seen-1' });
    const call = gateway.calls.at(-1)!;
    expect(call).toMatchObject({
      method: 'POST',
      path: PATHS.timbres,
      requestId: 'seen-1',
      appkey: APPKEY,
      timestamp: String(ts),
      code: 0,
      verdict: 'ok',
    });
    // The signature itself is never kept (it works against any endpoint for 5 minutes): a
    // fingerprint tells attempts apart, and the query is kept with it redacted.
    const sent = url.split('signature=')[1]!;
    expect(call.signature).toMatch(/^[0-9a-f]{16}$/);
    expect(call.query).toBe(`${url.split('?')[1]!.replace(sent, 'REDACTED')}`);
    expect(JSON.stringify(gateway.calls)).not.toContain(sent);
    expect(JSON.stringify(gateway.calls)).not.toContain(decodeURIComponent(sent));
  });
});
