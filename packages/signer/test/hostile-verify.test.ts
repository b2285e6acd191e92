// Hostile input for the verifiers, which servers call with whatever arrived from the network:
// anything at all must come back as one of the documented results, never as a throw, and
// nothing secret may appear in any result.
import { inspect } from 'node:util';
import {
  createSigner,
  signCallbackUrl,
  type VerifyFailureReason,
  verifyCallbackUrl,
  verifySignedUrl,
} from '@tvs/signer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const APPKEY = 'hostile-appkey-0f1e2d3c';
const TOKEN = 'hostile-TOKEN-7a6b5c4d3e2f1a0b';
const SIGN_KEY = 'hostile-SIGNKEY-99887766';
const T = 1_700_000_000;
const now = () => T * 1000;
const resolve = (appkey: string) => (appkey === APPKEY ? TOKEN : undefined);

/** Every reason the union has: a result outside it is a bug. */
const REASONS: readonly VerifyFailureReason[] = [
  'malformed-url',
  'missing-parameter',
  'duplicate-parameter',
  'malformed-timestamp',
  'expired',
  'unknown-appkey',
  'bad-signature',
];

/** Any UTF-16 code units, lone surrogates included (fast-check's own units are well-formed). */
const codeUnits = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }))
    .map((unit) => String.fromCharCode(unit)),
  maxLength: 60,
});

/** Pieces that URL parsers, percent-decoding and the verifier's own checks care about. */
const piece = fc.constantFrom(
  'http://[',
  '//%zz/x',
  '//',
  'http://',
  'wss://',
  '[::1',
  '?',
  '#',
  '&',
  '=',
  '%',
  '%zz',
  '%ff',
  '%c3%28',
  '%ed%a0%80',
  '%00',
  '+',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff',
  '😀',
  'appkey=',
  `appkey=${APPKEY}`,
  'timestamp=',
  `timestamp=${T}`,
  'timestamp=1e9',
  'timestamp=99999999999999999999',
  'signature=',
  'signature=AAAA',
  'reqid=r1',
  '/v2/ivh/p',
  'http://localhost',
  '\\\\host\\p',
  'javascript:alert(1)',
);
const urlish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  codeUnits,
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(piece, codeUnits), { maxLength: 8 }).map((parts) => `/p?${parts.join('&')}`),
);
const notAString = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, 0, Number.NaN, true, [], {}, Symbol('url'), () => 'x', 10n),
);

/** Checks one result: a known shape, no secret. */
function expectTyped(result: unknown): void {
  const seen = JSON.stringify(result) + inspect(result, { showHidden: true, depth: 4 });
  for (const secret of [TOKEN, SIGN_KEY]) expect(seen).not.toContain(secret);
  const r = result as { ok: boolean; reason?: VerifyFailureReason; parameter?: string };
  if (r.ok) return;
  expect(r.ok).toBe(false);
  expect(REASONS).toContain(r.reason);
  if (r.parameter !== undefined) expect(typeof r.parameter).toBe('string');
  const keys = Object.keys(r).sort();
  expect(keys).toEqual(
    r.parameter === undefined ? ['ok', 'reason'] : ['ok', 'parameter', 'reason'],
  );
}

describe('hostile input to the verifiers', () => {
  it('verifySignedUrl never throws on strings, unicode or not, and answers only with the union (property)', () => {
    fc.assert(
      fc.property(urlish, (url) => {
        expectTyped(verifySignedUrl(url, resolve, { now }));
      }),
      { numRuns: 2000 },
    );
  });

  it('verifyCallbackUrl, the same (property)', () => {
    fc.assert(
      fc.property(urlish, (url) => {
        expectTyped(verifyCallbackUrl(url, SIGN_KEY, { now }));
      }),
      { numRuns: 1000 },
    );
  });

  it('anything that is not a string, URL or URLSearchParams is malformed-url (property)', () => {
    fc.assert(
      fc.property(notAString, (value) => {
        fc.pre(
          typeof value !== 'string' &&
            !(value instanceof URL) &&
            !(value instanceof URLSearchParams),
        );
        for (const result of [
          verifySignedUrl(value as never, resolve, { now }),
          verifyCallbackUrl(value as never, SIGN_KEY, { now }),
        ]) {
          expect(result).toEqual({ ok: false, reason: 'malformed-url' });
        }
      }),
    );
  });

  it.each([
    ['http://['],
    ['//%zz/x'],
    ['http://%zz/'],
    ['http://a b/'],
    ['https://[::1/'],
    ['http://example.com:99999/'],
  ])('%s (as a node:http req.url, say) is malformed-url', (url) => {
    expect(verifySignedUrl(url, resolve, { now })).toEqual({ ok: false, reason: 'malformed-url' });
    expect(verifyCallbackUrl(url, SIGN_KEY, { now })).toEqual({
      ok: false,
      reason: 'malformed-url',
    });
  });

  it('bad percent escapes and broken UTF-8 in the query are refused, not thrown', () => {
    for (const query of ['appkey=%zz', 'signature=%', 'x=%ed%a0%80', 'x=%c3%28', 'x=\ud800']) {
      const result = verifySignedUrl(`/p?${query}&timestamp=${T}`, resolve, { now });
      expect(result.ok).toBe(false);
      expectTyped(result);
    }
  });

  it('a tampered copy of a good URL is refused, never thrown (property)', () => {
    const good = createSigner({ appkey: APPKEY, accessToken: TOKEN }, { now }).signUrl(
      'https://gw.example/v2/ivh/p?x=1',
    );
    const callback = signCallbackUrl('https://cb.example/hook', SIGN_KEY, { reqid: 'r1', now });
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 8 }), fc.oneof(piece, codeUnits), (at, cut, insert) => {
        for (const url of [good, callback]) {
          const i = at % url.length;
          const tampered = url.slice(0, i) + insert + url.slice(i + cut);
          const results = [
            verifySignedUrl(tampered, resolve, { now }),
            verifyCallbackUrl(tampered, SIGN_KEY, { now }),
          ];
          for (const result of results) expectTyped(result);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('huge inputs are answered, and only with the union', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => `p${i}=${i}`).join('&');
    expectTyped(verifySignedUrl(`/p?${many}`, resolve, { now }));
    expectTyped(verifySignedUrl(`/p?x=${'%'.repeat(1_000_000)}`, resolve, { now }));
    expect(verifySignedUrl(`/p?a=1&${'a=2&'.repeat(10_000)}`, resolve, { now })).toEqual({
      ok: false,
      reason: 'duplicate-parameter',
      parameter: 'a',
    });
  });

  it('a good signature still verifies: the suite is not refusing everything', () => {
    const url = createSigner({ appkey: APPKEY, accessToken: TOKEN }, { now }).signUrl(
      'https://gw.example/v2/ivh/p',
    );
    expect(verifySignedUrl(url, resolve, { now })).toEqual({
      ok: true,
      appkey: APPKEY,
      timestamp: T,
    });
  });
});
