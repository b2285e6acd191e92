// Run in the consumer project by Node, Deno and Bun: one signature vector (vector.json, copied
// from @tvs/signer's fixtures by release:verify) through the installed @tvs/signer.
import { canonicalQuery, createSigner, signString } from '@tvs/signer';
import vector from './vector.json' with { type: 'json' };

const runtime =
  typeof Deno !== 'undefined'
    ? `deno ${Deno.version.deno}`
    : typeof Bun !== 'undefined'
      ? `bun ${Bun.version}`
      : `node ${process.versions.node}`;
const fail = (what, got, want) => {
  throw new Error(`${runtime}: ${what} ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
};

const stringToSign = canonicalQuery(vector.params);
if (stringToSign !== vector.stringToSign)
  fail('canonicalQuery gave', stringToSign, vector.stringToSign);
const signature = signString(stringToSign, vector.accessToken);
if (signature !== vector.signature) fail('signString gave', signature, vector.signature);
const signer = createSigner(
  { appkey: vector.params.appkey, accessToken: vector.accessToken },
  { now: () => Number(vector.params.timestamp) * 1000 },
);
const signed = new URL(signer.signUrl('https://example.com/v2/ivh/x')).searchParams.get(
  'signature',
);
if (signed !== vector.signature) fail('createSigner().signUrl signed', signed, vector.signature);
console.log(`${runtime}: @tvs/signer reproduces the "${vector.name}" vector`);
