#!/usr/bin/env node
/**
 * `tvs-mock-gateway`: runs a mock gateway on 127.0.0.1 until interrupted.
 * Usage: tvs-mock-gateway [--port 8787] [--appkey KEY] [--token TOKEN] [--render-speed N] [--seed N]
 */
import { parseArgs } from 'node:util';
import { createMockGateway } from '../create-mock-gateway.js';
import { listen } from './listen.js';

const USAGE = `Usage: tvs-mock-gateway [options]

  --port <n>           port on 127.0.0.1 (default 8787; 0 picks a free one)
  --appkey <key>       appkey to accept (default demo-appkey)
  --token <token>      its access token (default demo-access-token)
  --render-speed <n>   rendering speed multiplier (default 1)
  --concurrency <n>    tasks rendering at once per appkey (default 2)
  --seed <n>           seed for task ids
  -h, --help           show this help`;

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) {
    console.error(`tvs-mock-gateway: --${name} must be a number\n\n${USAGE}`);
    process.exit(2);
  }
  return parsed;
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      appkey: { type: 'string' },
      token: { type: 'string' },
      'render-speed': { type: 'string' },
      concurrency: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`tvs-mock-gateway: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values['help']) {
  console.log(USAGE);
  process.exit(0);
}
const appkey = (values['appkey'] as string | undefined) ?? 'demo-appkey';
const accessToken = (values['token'] as string | undefined) ?? 'demo-access-token';
const seed = values['seed'] === undefined ? undefined : number(values['seed'] as string, 'seed', 0);
const gateway = createMockGateway({
  credentials: [{ appkey, accessToken }],
  renderSpeed: number(values['render-speed'] as string | undefined, 'render-speed', 1),
  concurrency: number(values['concurrency'] as string | undefined, 'concurrency', 2),
  ...(seed === undefined ? {} : { seed }),
});
const server = await listen(gateway, number(values['port'] as string | undefined, 'port', 8787));
console.log(`TVS mock gateway listening on ${server.url}`);
console.log(`  appkey:      ${appkey}`);
console.log(`  accessToken: ${accessToken}`);
console.log('Press Ctrl+C to stop.');
const stop = () => {
  gateway.close();
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
