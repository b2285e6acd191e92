// Text with a lone surrogate has no UTF-8 form: signing it would sign U+FFFD instead (or throw a
// URIError while percent-encoding). Every place the signer signs or encodes text refuses it
// with a TypeError that names the input and never quotes it.
import {
  canonicalQuery,
  createSigner,
  signCallbackUrl,
  signString,
  signUrl,
  verifySignedUrl,
} from '@tvs/signer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const MARK = 'SECRET-MARK-';
/** Any UTF-16 code units, often lone surrogates; never empty, so keys stay non-empty. */
const text = fc
  .string({
    unit: fc
      .oneof(fc.integer({ min: 0x20, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }))
      .map((unit) => String.fromCharCode(unit)),
    maxLength: 12,
  })
  .map((s) => `${MARK}${s}`);

/** An oracle independent of the signer: encodeURIComponent throws on exactly these strings. */
function wellFormed(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

const now = () => 1_700_000_000_000;
const credentials = { appkey: 'app', accessToken: 'token' };

/** Each place text goes in, by what the error must name. */
const entries: Array<[string, RegExp, (s: string) => unknown]> = [
  ['signString message', /^signString: stringToSign /, (s) => signString(s, 'token')],
  ['signString key', /^signString: accessToken /, (s) => signString('a=1', s)],
  [
    'createSigner appkey',
    /^createSigner: appkey /,
    (s) => createSigner({ ...credentials, appkey: s }),
  ],
  [
    'createSigner accessToken',
    /^createSigner: accessToken /,
    (s) => createSigner({ ...credentials, accessToken: s }),
  ],
  [
    'signUrl credentials',
    /^createSigner: accessToken /,
    (s) => signUrl('https://h/p', { ...credentials, accessToken: s }),
  ],
  [
    'sign() value',
    /^sign: parameter "requestid" /,
    (s) => createSigner(credentials, { now }).sign({ requestid: s }),
  ],
  [
    'sign() name',
    /^sign: a parameter name /,
    (s) => createSigner(credentials, { now }).sign({ [s]: 'v' }),
  ],
  [
    'signUrl() value',
    /^signUrl: parameter "requestid" /,
    (s) => createSigner(credentials, { now }).signUrl('https://h/p', { requestid: s }),
  ],
  ['canonicalQuery value', /^canonicalQuery: parameter "v" /, (s) => canonicalQuery({ v: s })],
  ['canonicalQuery name', /^canonicalQuery: a parameter name /, (s) => canonicalQuery([[s, 'v']])],
  [
    'signCallbackUrl reqid',
    /^signCallbackUrl: reqid /,
    (s) => signCallbackUrl('https://h/cb', 'key', { reqid: s, now }),
  ],
  [
    'signCallbackUrl signKey',
    /^signCallbackUrl: signKey /,
    (s) => signCallbackUrl('https://h/cb', s, { reqid: 'r', now }),
  ],
];

describe('lone surrogates are refused wherever text is signed or encoded', () => {
  it.each(entries)('%s (property)', (_where, names, call) => {
    fc.assert(
      fc.property(text, (s) => {
        let error: unknown;
        try {
          call(s);
        } catch (caught) {
          error = caught;
        }
        if (wellFormed(s)) {
          expect(error).toBeUndefined();
          return;
        }
        expect(error).toBeInstanceOf(TypeError);
        const message = (error as TypeError).message;
        expect(message).toMatch(names);
        expect(message).toMatch(/is not well-formed Unicode \(it holds a lone surrogate\)$/);
        expect(message).not.toContain(MARK);
        expect((error as TypeError).stack ?? '').not.toContain(MARK);
      }),
      { numRuns: 300 },
    );
  });

  it('a surrogate pair split between a name and its value is still refused', () => {
    expect(() => canonicalQuery([['a\ud83d', '\ude00']])).toThrow(TypeError);
  });

  it('a token with a lone surrogate from the resolver is a TypeError, not a refusal', () => {
    const url = createSigner(credentials, { now }).signUrl('https://h/p');
    expect(() => verifySignedUrl(url, () => `${MARK}\ud800`, { now })).toThrow(
      /^verifySignedUrl: the access token from resolveAccessToken is not well-formed Unicode/,
    );
  });
});
