// client.request() against a hand-written signed fetch (node:crypto HMAC), both calling the mock
// gateway over loopback, interleaved in one process. Reports throughput (ratio to the
// hand-written call) and the latency the SDK adds per call at p50/p99; writes JSON to
// bench/results/. Run with `pnpm bench` (builds first).
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createMockGateway } from '@tvs/mock-gateway';
import { createClient } from '../dist/index.js';

const appkey = 'bench-appkey';
const accessToken = 'bench-access-token-0123456789abcdef';
const path = '/v2/ivh/crmserver/customerassetservice/describetimbre';
const payload = { PageIndex: 1, PageSize: 1 };
const rounds = Number(process.env.BENCH_ROUNDS ?? 12);
const callsPerSlice = Number(process.env.BENCH_CALLS ?? 300);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);

const gateway = createMockGateway({ credentials: [{ appkey, accessToken }], maxCalls: 100 });
const server = await gateway.listen();
const client = createClient({ appkey, accessToken, baseUrl: server.url });

/** What a careful hand-written call does: sign, POST the envelope, check the Code. */
async function handWritten() {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', accessToken)
    .update(`appkey=${appkey}&timestamp=${timestamp}`)
    .digest('base64');
  const url = `${server.url}${path}?appkey=${appkey}&timestamp=${timestamp}&signature=${encodeURIComponent(signature)}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=utf-8' },
    body: JSON.stringify({
      Header: { RequestID: randomBytes(16).toString('hex') },
      Payload: payload,
    }),
  });
  const body = await response.json();
  if (body.Header.Code !== 0) throw new Error(`Code ${body.Header.Code}`);
  return body.Payload;
}

const viaClient = () => client.request(path, payload);

/** `callsPerSlice` calls, `concurrency` at a time; returns elapsed ms and each call's latency. */
async function slice(run) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < callsPerSlice) {
        next++;
        const t = performance.now();
        await run();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { ms: performance.now() - started, latencies };
}

const contenders = [
  { name: 'hand-written fetch + node:crypto', run: handWritten },
  { name: '@tvs/client request()', run: viaClient },
];
for (const c of contenders) await slice(c.run); // warm-up
const results = new Map(contenders.map((c) => [c.name, { throughput: [], latencies: [] }]));
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? contenders : [...contenders].reverse();
  for (const c of order) {
    const { ms, latencies } = await slice(c.run);
    const r = results.get(c.name);
    r.throughput.push((callsPerSlice / ms) * 1000);
    r.latencies.push(...latencies);
  }
}
await server.close();
gateway.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const [base, sdk] = contenders.map((c) => results.get(c.name));
const rows = contenders.map((c) => {
  const r = results.get(c.name);
  return {
    name: c.name,
    callsPerSecond: Math.round(median(r.throughput)),
    p50Ms: Number(pct(r.latencies, 0.5).toFixed(3)),
    p99Ms: Number(pct(r.latencies, 0.99).toFixed(3)),
  };
});
const summary = {
  throughputRatio: Number((median(sdk.throughput) / median(base.throughput)).toFixed(3)),
  addedLatencyP50Ms: Number((pct(sdk.latencies, 0.5) - pct(base.latencies, 0.5)).toFixed(3)),
  addedLatencyP99Ms: Number((pct(sdk.latencies, 0.99) - pct(base.latencies, 0.99)).toFixed(3)),
};

console.log(
  `Node ${process.version}, ${rounds} interleaved rounds of ${callsPerSlice} calls, ${concurrency} in flight, loopback\n`,
);
console.log(
  `${'contender'.padEnd(36)}${'calls/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}`,
);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(36)}${String(row.callsPerSecond).padStart(10)}${row.p50Ms.toFixed(3).padStart(10)}${row.p99Ms.toFixed(3).padStart(10)}`,
  );
}
console.log(
  `\nclient/hand-written throughput: ${summary.throughputRatio}× (target ≥ 0.9×); added latency p50 ${summary.addedLatencyP50Ms} ms, p99 ${summary.addedLatencyP99Ms} ms`,
);

const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(
  new URL(`request-node${process.versions.node.split('.')[0]}.json`, dir),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds, callsPerSlice, concurrency, rows, summary }, null, 2)}\n`,
);
