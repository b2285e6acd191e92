// Signatures per second of createSigner().sign() against the other ways to do the same work
// (build the string, HMAC-SHA256, Base64), measured interleaved in one process and reported as
// ratios against node:crypto from the same run. Run with `pnpm bench` (builds first).
import { createHmac, webcrypto } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import cryptoJs from 'crypto-js';
import { createSigner } from '../dist/index.js';

const appkey = 'e38267c0e86411ebb02aed82acb0ed99';
const accessToken = 'bench-access-token-0123456789abcdef';
const base = 1_700_000_000;
let tick = 0;
const message = () => `appkey=${appkey}&timestamp=${base + (tick++ % 100_000)}`;

const signer = createSigner(
  { appkey, accessToken },
  { now: () => (base + (tick++ % 100_000)) * 1000 },
);
const encoder = new TextEncoder();
const tokenBytes = encoder.encode(accessToken);
const webKey = await webcrypto.subtle.importKey(
  'raw',
  tokenBytes,
  { name: 'HMAC', hash: 'SHA-256' },
  false,
  ['sign'],
);
const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));

/** Each contender does one signature per call; async ones are awaited one at a time. */
const contenders = [
  {
    name: 'node:crypto createHmac',
    baseline: true,
    run: () => createHmac('sha256', accessToken).update(message()).digest('base64'),
  },
  { name: '@tvs/signer createSigner().sign()', run: () => signer.sign().signature },
  {
    name: '@noble/hashes hmac (uncached key)',
    run: () => toBase64(hmac(sha256, tokenBytes, encoder.encode(message()))),
  },
  {
    name: 'crypto-js HmacSHA256',
    run: () => cryptoJs.HmacSHA256(message(), accessToken).toString(cryptoJs.enc.Base64),
  },
  {
    name: 'WebCrypto subtle.sign (awaited)',
    async: true,
    run: async () =>
      toBase64(
        new Uint8Array(await webcrypto.subtle.sign('HMAC', webKey, encoder.encode(message()))),
      ),
  },
];

const quick = process.argv.includes('--quick');
const rounds = quick ? 3 : 21;
const sliceMs = quick ? 60 : 100;

async function measure(contender) {
  const start = performance.now();
  let ops = 0;
  // Time checks are amortised over batches so the clock is not what we measure.
  while (performance.now() - start < sliceMs) {
    if (contender.async) for (let i = 0; i < 64; i++) await contender.run();
    else for (let i = 0; i < 256; i++) contender.run();
    ops += contender.async ? 64 : 256;
  }
  return (ops / (performance.now() - start)) * 1000;
}

// Sanity: every contender signs the same message to the same signature.
tick = 0;
const expected = contenders[0].run();
for (const c of contenders) {
  tick = 0;
  const got = await c.run();
  if (got !== expected) throw new Error(`${c.name} disagrees: ${got} vs ${expected}`);
}

for (const c of contenders) await measure(c); // warm-up: let the JIT settle first
const samples = new Map(contenders.map((c) => [c.name, []]));
for (let r = 0; r < rounds; r++) {
  // Rotate the order each round so no contender always runs first or last.
  for (let k = 0; k < contenders.length; k++) {
    const c = contenders[(k + r) % contenders.length];
    samples.get(c.name).push(await measure(c));
  }
}

// Ratios are taken within each round, then the median over rounds: on a shared machine the load
// drifts between rounds, and a ratio of two medians taken from different rounds carries that drift.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = samples.get(contenders[0].name);
const signerOps = samples.get('@tvs/signer createSigner().sign()');
const rows = contenders.map((c) => {
  const ops = samples.get(c.name);
  return {
    name: c.name,
    opsPerSecond: Math.round(median(ops)),
    vsNodeCrypto: median(ops.map((x, r) => x / baseline[r])),
    signerSpeedup: median(ops.map((x, r) => signerOps[r] / x)),
  };
});

console.log(
  `Node ${process.version}, ${rounds} interleaved rounds of ${sliceMs} ms; medians of per-round ratios\n`,
);
console.log(
  `${'contender'.padEnd(38)}${'ops/s'.padStart(12)}${'× node:crypto'.padStart(15)}${'signer is ×'.padStart(13)}`,
);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(38)}${row.opsPerSecond.toLocaleString('en').padStart(12)}${row.vsNodeCrypto.toFixed(2).padStart(15)}${row.signerSpeedup.toFixed(2).padStart(13)}`,
  );
}

const results = { date: new Date().toISOString(), node: process.version, rounds, sliceMs, rows };
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(
  new URL(`sign-node${process.versions.node.split('.')[0]}.json`, dir),
  `${JSON.stringify(results, null, 2)}\n`,
);
