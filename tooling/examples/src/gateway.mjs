// The mock gateway the examples run against: the packed @tvs/mock-gateway installed in the
// consumer, listening on 127.0.0.1 on the real clock, rendering fast enough for a test run.
// Each example gets credentials of its own, so their quotas and rate limits never meet.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { installedEntry } from './consumer.mjs';

/** Fast but real-time: renders in a fraction of a second, sessions ready at once. */
const MOCK_OPTIONS = {
  renderSpeed: 20,
  sessions: { prepareMs: 0, speechSpeed: 10 },
};

/** Fresh credentials for example number `n` (the token random, so a leak is detectable). */
export function credentialsFor(n) {
  return { appkey: `example-${n}`, accessToken: randomBytes(16).toString('hex') };
}

/**
 * Starts a mock gateway from the consumer's installed package.
 * @param {Array<{ appkey: string, accessToken: string }>} credentials
 * @param {(gateway: any) => void} [configure] faults and the like, before it listens
 */
export async function startGateway(credentials, configure) {
  const { createMockGateway } = await import(
    pathToFileURL(installedEntry('@tvs/mock-gateway')).href
  );
  const gateway = createMockGateway({ credentials, ...MOCK_OPTIONS });
  configure?.(gateway);
  const server = await gateway.listen();
  return {
    gateway,
    url: server.url,
    close: async () => {
      await server.close();
      gateway.close();
    },
  };
}

/** The consumer's @tvs/client, for what the harness itself asks of the gateway. */
export async function harnessClient({ appkey, accessToken }, baseUrl) {
  const { createClient } = await import(pathToFileURL(installedEntry('@tvs/client')).href);
  return createClient({ appkey, accessToken, baseUrl });
}
