import { afterAll, beforeAll, describe, it } from 'vitest';
import { APPKEY, type Harness, startGateway, TOKEN } from './helpers.js';
import suite, { type Loopback } from './portable/channel.suite.js';

// The same cases the runtime matrix runs in Node 22, Deno and Bun, here on Node's own WebSocket.
let harness: Harness;
let loopback: Loopback;
beforeAll(async () => {
  harness = await startGateway({
    sessions: { prepareMs: 200, speechSpeed: 100, maxConcurrent: 8 },
  });
  loopback = { url: harness.server.url, appkey: APPKEY, accessToken: TOKEN };
});
afterAll(() => harness.close());

describe(suite.name, () => {
  for (const c of suite.cases) it(c.name, () => c.run({ loopback }));
});
