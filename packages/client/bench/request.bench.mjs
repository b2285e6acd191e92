// client.request() against a hand-written signed fetch (node:crypto HMAC), both calling the mock
// gateway over loopback, interleaved in one process. Reports throughput (ratio to the
// hand-written call) and the latency the SDK adds per call at p50/p99; writes JSON to
// bench/results/. Run with `pnpm bench` (builds first).
//
// Both do the same work on the wire: POST the same envelope with the same headers, read and
// parse the JSON body, check Header.Code. A third contender, the same call through ky alone
// (no hooks, no retries), shows in the same run what ky itself costs. The mock gateway runs in
// this process, so its work per call (the same for every contender) is in every figure; the
// CPU time per call is printed too, as it is less disturbed by other load on the machine.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createMockGateway } from '@tvs/mock-gateway';
import ky from 'ky';
import { createClient, VERSION } from '../dist/index.js';

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

// The headers the client sends, so that the gateway does the same work for every contender.
const headers = {
  'content-type': 'application/json;charset=utf-8',
  accept: 'application/json',
  'x-tvs-sdk': `typescript/${VERSION}`,
  'user-agent': `tvs-sdk-typescript/${VERSION}`,
};

function signedUrl() {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', accessToken)
    .update(`appkey=${appkey}&timestamp=${timestamp}`)
    .digest('base64');
  return `${server.url}${path}?appkey=${appkey}&timestamp=${timestamp}&signature=${encodeURIComponent(signature)}`;
}

const envelope = () =>
  JSON.stringify({ Header: { RequestID: randomBytes(16).toString('hex') }, Payload: payload });

function payloadOf(body) {
  if (body.Header.Code !== 0) throw new Error(`Code ${body.Header.Code}`);
  return body.Payload;
}

/** What a careful hand-written call does: sign, POST the envelope, check the Code. */
async function handWritten() {
  const response = await fetch(signedUrl(), { method: 'POST', headers, body: envelope() });
  return payloadOf(await response.json());
}

/** The same call through ky with no hooks and no retries: ky's own share of the client's cost. */
const kyAlone = ky.create({ method: 'post', headers, retry: 0, timeout: 30_000 });
const viaKy = async () => payloadOf(await kyAlone(signedUrl(), { body: envelope() }).json());

const viaClient = () => client.request(path, payload);

/** `callsPerSlice` calls, `concurrency` at a time; returns elapsed and CPU ms, each call's latency. */
async function slice(run) {
  const latencies = [];
  let next = 0;
  const cpuStart = process.cpuUsage();
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
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, latencies };
}

const handWrittenName = 'hand-written fetch + node:crypto';
const clientName = '@tvs/client request()';
const kyName = 'ky alone (no hooks, no retries)';

/**
 * `rounds` rounds of one slice per contender, the order alternating, after a warm-up slice each.
 * Two contenders at a time: a third in the same rounds would leave its garbage to whichever
 * slice follows it.
 */
async function compare(contenders) {
  for (const c of contenders) await slice(c.run);
  const results = contenders.map(() => ({ throughput: [], cpuPerCall: [], latencies: [] }));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const { ms, cpuMs, latencies } = await slice(contenders[i].run);
      results[i].throughput.push((callsPerSlice / ms) * 1000);
      results[i].cpuPerCall.push((cpuMs / callsPerSlice) * 1000);
      results[i].latencies.push(...latencies);
    }
  }
  return results;
}

// The comparison the target is about, then ky alone against the hand-written call.
const [base, sdk] = await compare([
  { name: handWrittenName, run: handWritten },
  { name: clientName, run: viaClient },
]);
const [kyBase, kyOnly] = await compare([
  { name: handWrittenName, run: handWritten },
  { name: kyName, run: viaKy },
]);
await server.close();
gateway.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const row = (name, r) => ({
  name,
  callsPerSecond: Math.round(median(r.throughput)),
  cpuUsPerCall: Math.round(median(r.cpuPerCall)),
  p50Ms: Number(pct(r.latencies, 0.5).toFixed(3)),
  p99Ms: Number(pct(r.latencies, 0.99).toFixed(3)),
});
const rows = [row(handWrittenName, base), row(clientName, sdk)];
const kyRows = [row(handWrittenName, kyBase), row(kyName, kyOnly)];
const ratio = (a, b) => Number((median(a) / median(b)).toFixed(3));
const summary = {
  throughputRatio: ratio(sdk.throughput, base.throughput),
  cpuRatio: ratio(base.cpuPerCall, sdk.cpuPerCall),
  addedLatencyP50Ms: Number((pct(sdk.latencies, 0.5) - pct(base.latencies, 0.5)).toFixed(3)),
  addedLatencyP99Ms: Number((pct(sdk.latencies, 0.99) - pct(base.latencies, 0.99)).toFixed(3)),
  kyAloneThroughputRatio: ratio(kyOnly.throughput, kyBase.throughput),
  kyAloneCpuRatio: ratio(kyBase.cpuPerCall, kyOnly.cpuPerCall),
};

console.log(
  `Node ${process.version}, ${rounds} interleaved rounds of ${callsPerSlice} calls, ${concurrency} in flight, loopback\n`,
);
const table = (title, rs) => {
  console.log(
    `${title.padEnd(36)}${'calls/s'.padStart(10)}${'CPU µs'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}`,
  );
  for (const r of rs) {
    console.log(
      `${r.name.padEnd(36)}${String(r.callsPerSecond).padStart(10)}${String(r.cpuUsPerCall).padStart(10)}${r.p50Ms.toFixed(3).padStart(10)}${r.p99Ms.toFixed(3).padStart(10)}`,
    );
  }
};
table('contender', rows);
console.log(
  `\nclient/hand-written throughput: ${summary.throughputRatio}× (target ≥ 0.9×), CPU per call ${summary.cpuRatio}×; added latency p50 ${summary.addedLatencyP50Ms} ms, p99 ${summary.addedLatencyP99Ms} ms\n`,
);
table('reference rounds', kyRows);
console.log(
  `\nky alone/hand-written throughput: ${summary.kyAloneThroughputRatio}×, CPU per call ${summary.kyAloneCpuRatio}×`,
);

const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(
  new URL(`request-node${process.versions.node.split('.')[0]}.json`, dir),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds, callsPerSlice, concurrency, rows, kyRows, summary }, null, 2)}\n`,
);
