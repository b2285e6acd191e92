import { createHmac, randomBytes } from 'node:crypto';
import { createMockGateway } from '@tvs/mock-gateway';
import ky from 'ky';
import { createClient } from '../dist/index.js';
import { createSigner } from '@tvs/signer';
import { decodeResponse, encodeRequest, newRequestId } from '@tvs/envelope';

const appkey = 'bench-appkey',
  accessToken = 'bench-access-token-0123456789abcdef';
const path = '/v2/ivh/crmserver/customerassetservice/describetimbre';
const gateway = createMockGateway({ credentials: [{ appkey, accessToken }], maxCalls: 100 });
const server = await gateway.listen();
const headers = {
  'content-type': 'application/json;charset=utf-8',
  accept: 'application/json',
  'x-tvs-sdk': 'typescript/x',
  'user-agent': 'tvs-sdk-typescript/x',
};
function signedUrl() {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', accessToken)
    .update(`appkey=${appkey}&timestamp=${timestamp}`)
    .digest('base64');
  return `${server.url}${path}?appkey=${appkey}&timestamp=${timestamp}&signature=${encodeURIComponent(signature)}`;
}
const envelope = () =>
  JSON.stringify({
    Header: { RequestID: randomBytes(16).toString('hex') },
    Payload: { PageIndex: 1, PageSize: 1 },
  });
const check = (b) => {
  if (b.Header.Code !== 0) throw new Error('code ' + b.Header.Code);
};
const signer = createSigner({ appkey, accessToken });
let client;
const kyInst = ky.create({ method: 'post', headers, retry: 0, throwHttpErrors: false });
async function readAll(r) { const reader = r.body.getReader(); const chunks=[]; let n=0; for(;;){const {done,value}=await reader.read(); if(done)break; chunks.push(value); n+=value.length;} return chunks.length===1?chunks[0]:Buffer.concat(chunks); }
const V = {
  client: async () => { await client.request(path, { PageIndex: 1, PageSize: 1 }); },
  kyReader: async () => { const r = await kyInst(signedUrl(), { body: envelope(), timeout: 30000 }); check(JSON.parse(new TextDecoder().decode(await readAll(r)))); },
  kySignerEnv: async () => { const r = await kyInst(signer.signUrl(server.url + path), { body: JSON.stringify(encodeRequest({ PageIndex: 1, PageSize: 1 }, { requestId: newRequestId() })), timeout: 30000 }); decodeResponse(await readAll(r)); },

  hand2: async () => V.hand(),
  hand: async () => {
    const r = await fetch(signedUrl(), { method: 'POST', headers, body: envelope() });
    check(await r.json());
  },
  handRequest: async () => {
    const r = await fetch(new Request(signedUrl(), { method: 'POST', headers, body: envelope() }));
    check(await r.json());
  },
  handSignal: async () => {
    const c = new AbortController();
    const t = setTimeout(() => c.abort(), 30000);
    const r = await fetch(signedUrl(), {
      method: 'POST',
      headers,
      body: envelope(),
      signal: c.signal,
    });
    clearTimeout(t);
    check(await r.json());
  },
  handReader: async () => {
    const r = await fetch(signedUrl(), { method: 'POST', headers, body: envelope() });
    const reader = r.body.getReader();
    const chunks = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    check(JSON.parse(Buffer.concat(chunks).toString()));
  },
  kyAlone: async () => {
    const r = await ky.post(signedUrl(), {
      headers,
      body: envelope(),
      retry: 0,
      throwHttpErrors: false,
    });
    check(await r.json());
  },
  kyNoTimeout: async () => {
    const r = await ky.post(signedUrl(), {
      headers,
      body: envelope(),
      retry: 0,
      throwHttpErrors: false,
      timeout: false,
    });
    check(await r.json());
  },
};
async function slice(run, n = 300, conc = 8) {
  let next = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (next < n) {
        next++;
        await run();
      }
    }),
  );
  const cpu = process.cpuUsage(c0);
  return { tput: (n / (performance.now() - t0)) * 1000, cpu: (cpu.user + cpu.system) / n };
}
client = createClient({ appkey, accessToken, baseUrl: server.url });
const names = process.argv.slice(2);
for (const n of names) await slice(V[n]);
const res = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < 10; r++)
  for (const n of r % 2 ? [...names].reverse() : names) res[n].push(await slice(V[n]));
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = med(res[names[0]].map((x) => x.tput));
for (const n of names)
  console.log(
    n.padEnd(14),
    Math.round(med(res[n].map((x) => x.tput))),
    'calls/s',
    (med(res[n].map((x) => x.tput)) / base).toFixed(3),
    'x  cpu µs',
    Math.round(med(res[n].map((x) => x.cpu))),
  );
await server.close();
gateway.close();
