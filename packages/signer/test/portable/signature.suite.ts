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
        const url = signCallbackUrl('https://example.com/callback?room=7', v.accessToken, {
          reqid: v.params.reqid!,
          now: at,
        });
        expect(url).to.contain(`signature=${v.signatureEncoded}`);
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

/** The signer's portable suite: the signature vectors, checked through the public API. */
export default { name: '@tvs/signer signature vectors', cases };
