// One contender alone against the in-process mock gateway, for a CPU or heap profile of where a
// call's time goes (the gateway's share shows too, as it runs in this process):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.mjs client   (or fetch, or ky)
// Build first (`pnpm build`). CALLS sets the number of calls (default 6000), 8 in flight.
import { createHmac, randomBytes } from 'node:crypto';
import { createMockGateway } from '@tvs/mock-gateway';
import ky from 'ky';
import { createClient, VERSION } from '../dist/index.js';

const which = process.argv[2] ?? 'client';
const calls = Number(process.env.CALLS ?? 6000);
const concurrency = 8;
const appkey = 'bench-appkey';
const accessToken = 'bench-access-token-0123456789abcdef';
const path = '/v2/ivh/crmserver/customerassetservice/describetimbre';
const payload = { PageIndex: 1, PageSize: 1 };
const headers = {
  'content-type': 'application/json;charset=utf-8',
  accept: 'application/json',
  'x-tvs-sdk': `typescript/${VERSION}`,
  'user-agent': `tvs-sdk-typescript/${VERSION}`,
};
const gateway = createMockGateway({ credentials: [{ appkey, accessToken }], maxCalls: 100 });
const server = await gateway.listen();
const client = createClient({ appkey, accessToken, baseUrl: server.url });

const signed = () => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', accessToken)
    .update(`appkey=${appkey}&timestamp=${timestamp}`)
    .digest('base64');
  return `${server.url}${path}?appkey=${appkey}&timestamp=${timestamp}&signature=${encodeURIComponent(signature)}`;
};
const body = () =>
  JSON.stringify({ Header: { RequestID: randomBytes(16).toString('hex') }, Payload: payload });
const check = (json) => {
  if (json.Header.Code !== 0) throw new Error(`Code ${json.Header.Code}`);
  return json.Payload;
};
const kyAlone = ky.create({ method: 'post', headers, retry: 0, timeout: 30_000 });
const runs = {
  client: () => client.request(path, payload),
  fetch: async () => {
    const response = await fetch(signed(), { method: 'POST', headers, body: body() });
    return check(await response.json());
  },
  ky: async () => check(await kyAlone(signed(), { body: body() }).json()),
};
const run = runs[which];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next++ < calls) await run();
  }),
);
console.log(which, Math.round((calls / (performance.now() - started)) * 1000), 'calls/s');
await server.close();
gateway.close();
