// Portable: runs under vitest and, bundled, in every runtime of tooling/runtime-matrix.
// Only chai and the package's public entry; no Node APIs.
import {
  canonicalQuery,
  createSigner,
  signCallbackUrl,
  signString,
  signUrl,
  verifyCallbackUrl,
  verifySignedUrl,
} from '@tvs/signer';
import { expect } from 'chai';
import fixture from '../fixtures/signature-vectors.json' with { type: 'json' };

interface Vector {
  kind: string;
  name: string;
  accessToken: string;
  params: Record<string, string>;
  stringToSign: string;
  signature: string;
  signatureEncoded: string;
  url?: string;
}

const vectors = fixture.vectors as Vector[];
const cases: Array<{ name: string; run: () => void | Promise<void> }> = [];

for (const v of vectors) {
  const at = () => Number(v.params.timestamp) * 1000;
  const { appkey, timestamp, ...extra } = v.params;
  cases.push(
    {
      name: `${v.name}: canonical string`,
      run: () => void expect(canonicalQuery(v.params)).to.equal(v.stringToSign),
    },
    {
      name: `${v.name}: signString`,
      run: () => void expect(signString(v.stringToSign, v.accessToken)).to.equal(v.signature),
    },
  );
  if (appkey !== undefined) {
    const credentials = { appkey, accessToken: v.accessToken };
    cases.push(
      {
        name: `${v.name}: cached signer`,
        run: () => {
          const signer = createSigner(credentials, { now: at });
          const signed = Object.keys(extra).length === 0 ? signer.sign() : signer.sign(extra);
          expect(signed).to.deep.equal({ ...v.params, signature: v.signature });
          // The second call reuses the cached key state and must agree.
          expect(signer.sign(extra).signature).to.equal(v.signature);
        },
      },
      {
        name: `${v.name}: signed URL`,
        run: () => {
          const base = v.url?.split('?')[0] ?? 'https://gw.tvs.qq.com/v2/ivh/x/y/z';
          const url = signUrl(base, credentials, { now: at, params: extra });
          expect(new URL(url).search.endsWith(`&signature=${v.signatureEncoded}`)).to.equal(true);
          if (v.url) expect(url).to.equal(v.url);
          const verdict = verifySignedUrl(
            url,
            (key: string) => (key === appkey ? v.accessToken : undefined),
            { now: at },
          );
          expect(verdict).to.deep.equal({ ok: true, appkey, timestamp: Number(timestamp) });
        },
      },
    );
  }
  if (v.params.reqid !== undefined) {
    cases.push({
      name: `${v.name}: callback URL`,
      run: () => {
        const base = v.url?.split('?')[0] ?? 'https://example.com/callback?room=7';
        const url = signCallbackUrl(base, v.accessToken, { reqid: v.params.reqid!, now: at });
        expect(url).to.contain(`signature=${v.signatureEncoded}`);
        if (v.url) expect(url).to.equal(v.url);
        expect(verifyCallbackUrl(url, v.accessToken, { now: at })).to.deep.equal({
          ok: true,
          reqid: v.params.reqid,
          timestamp: Number(timestamp),
        });
      },
    });
  }
}

cases.push({
  name: 'WebCrypto agrees with the signer on every vector',
  async run() {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return; // Only checked where the runtime has WebCrypto (all current ones do).
    for (const v of vectors) {
      const te = new TextEncoder();
      const key = await subtle.importKey(
        'raw',
        te.encode(v.accessToken),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      const mac = new Uint8Array(await subtle.sign('HMAC', key, te.encode(v.stringToSign)));
      expect(btoa(String.fromCharCode(...mac))).to.equal(signString(v.stringToSign, v.accessToken));
    }
  },
});

cases.push({
  name: 'WebCrypto agrees on keys and messages around the SHA-256 block and padding edges',
  async run() {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return;
    const te = new TextEncoder();
    // `length` characters of one-, two-, three- and four-byte UTF-8: byte lengths cross the edges too.
    const text = (length: number) =>
      Array.from({ length }, (_, i) => ['a', 'é', '€', '😀'][i % 4]!).join('');
    for (const keyLength of [1, 32, 63, 64, 65, 131]) {
      const token = text(keyLength);
      const key = await subtle.importKey(
        'raw',
        te.encode(token),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 300]) {
        const message = text(length);
        const mac = new Uint8Array(await subtle.sign('HMAC', key, te.encode(message)));
        expect(signString(message, token)).to.equal(btoa(String.fromCharCode(...mac)));
      }
    }
  },
});

cases.push({
  name: 'verification never throws on an unparsable URL: malformed-url',
  run() {
    // Only what every runtime's URL parser refuses: Chromium accepts `http://a b/`, for one.
    for (const url of ['http://[', '//%zz/x', 'http://%zz/', 42, null]) {
      expect(verifySignedUrl(url as string, () => 'token')).to.deep.equal({
        ok: false,
        reason: 'malformed-url',
      });
      expect(verifyCallbackUrl(url as string, 'key')).to.deep.equal({
        ok: false,
        reason: 'malformed-url',
      });
    }
  },
});

cases.push({
  name: 'a lone surrogate is a TypeError wherever text is signed',
  run() {
    expect(() => signString('a=\ud800', 'token')).to.throw(TypeError, /stringToSign/);
    expect(() => createSigner({ appkey: 'app', accessToken: 'tok\udc00' })).to.throw(
      TypeError,
      /accessToken/,
    );
    expect(() => signCallbackUrl('https://h/cb', 'key', { reqid: '\ud800' })).to.throw(
      TypeError,
      /reqid/,
    );
  },
});

/** The signer's portable suite: the signature vectors, checked through the public API. */
export default { name: '@tvs/signer signature vectors', cases };
