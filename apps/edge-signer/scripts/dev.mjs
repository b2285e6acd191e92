#!/usr/bin/env node
// `pnpm dev`: the Worker in workerd (via miniflare) on http://127.0.0.1:8788, in front of the
// mock gateway on loopback, with throwaway credentials. No Cloudflare account, no real secrets.
// Set TVS_APPKEY and TVS_ACCESS_TOKEN (and TVS_GATEWAY_URL) to sign for a real gateway instead.
import { randomBytes } from 'node:crypto';
import { createMockGateway } from '@tvs/mock-gateway';
import { Miniflare } from 'miniflare';
import { bundleWorker } from './bundle.mjs';

const port = Number(process.env.PORT ?? 8788);
const real = Boolean(process.env.TVS_APPKEY && process.env.TVS_ACCESS_TOKEN);
const credentials = real
  ? { appkey: process.env.TVS_APPKEY, accessToken: process.env.TVS_ACCESS_TOKEN }
  : { appkey: 'dev-appkey', accessToken: randomBytes(16).toString('hex') };
const gateway = real ? undefined : createMockGateway({ credentials: [credentials] });
const upstream = gateway ? await gateway.listen() : undefined;
const bearer = process.env.EDGE_BEARER_TOKEN ?? randomBytes(24).toString('hex');

const { code } = await bundleWorker();
const mf = new Miniflare({
  modules: true,
  script: code,
  compatibilityDate: '2026-01-01',
  host: '127.0.0.1',
  port,
  bindings: {
    TVS_APPKEY: credentials.appkey,
    TVS_ACCESS_TOKEN: credentials.accessToken,
    EDGE_BEARER_TOKEN: bearer,
    ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173',
    TVS_GATEWAY_URL: upstream?.url ?? process.env.TVS_GATEWAY_URL ?? 'https://gw.tvs.qq.com',
  },
});
const url = (await mf.ready).href.replace(/\/$/, '');
console.log(
  `edge-signer on ${url} → ${upstream ? `mock gateway ${upstream.url}` : 'the real gateway'}`,
);
console.log(`bearer token: ${bearer}`);
console.log(`try: curl -s ${url}/v2/ivh/crmserver/customerassetservice/describetimbre \\
  -H 'Authorization: Bearer ${bearer}' -H 'Content-Type: application/json' \\
  -d '{"Header":{},"Payload":{"PageIndex":1,"PageSize":2}}'`);
console.log(`command channel of a started session: new WebSocket(
  '${url.replace(/^http/, 'ws')}/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel?requestid=<SessionId>',
  ['tvs-edge-signer', 'bearer.${bearer}'])`);

const stop = async () => {
  await mf.dispose();
  await upstream?.close();
  gateway?.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
