import { createClient, type TvsClient } from '@tvs/client';
import { createMockGateway } from '@tvs/mock-gateway';
import { MOCK_CREDENTIALS, type Target } from './settings.js';

/** A client and what it talks to. */
export interface Connection {
  readonly client: TvsClient;
  readonly target: Target;
  /** The gateway's base URL. */
  readonly url: string;
  /** One line saying where the calls go. */
  readonly banner: string;
  /** How often to poll a task: fast on the mock, gentle on the real gateway. */
  readonly pollInterval: number;
  readonly maxPollInterval: number;
  /** Stops the embedded mock gateway, if any. */
  close(): Promise<void>;
}

/**
 * Connects to what `target` names. For the mock, starts the embedded gateway on 127.0.0.1; the
 * client is the same either way, only its credentials and base URL differ.
 */
export async function connect(target: Target): Promise<Connection> {
  if (target.kind === 'mock') {
    const gateway = createMockGateway({
      credentials: [MOCK_CREDENTIALS],
      renderSpeed: target.renderSpeed,
    });
    const server = await gateway.listen();
    return {
      client: createClient({ ...MOCK_CREDENTIALS, baseUrl: server.url }),
      target,
      url: server.url,
      banner: `Using the embedded mock gateway at ${server.url}: no TVS_APPKEY/TVS_ACCESS_TOKEN set, so nothing leaves this machine.`,
      pollInterval: 250,
      maxPollInterval: 500,
      close: async () => {
        gateway.close();
        await server.close();
      },
    };
  }
  const client =
    target.kind === 'gateway'
      ? createClient({
          appkey: target.appkey,
          accessToken: target.accessToken,
          region: target.region,
          baseUrl: target.baseUrl,
        })
      : createClient({ region: target.region, baseUrl: target.baseUrl });
  return {
    client,
    target,
    url: target.baseUrl,
    banner:
      target.kind === 'gateway'
        ? `Using the TVS gateway at ${target.baseUrl} with appkey ${target.appkey}.`
        : `Using the signing proxy at ${target.baseUrl} (TVS_BASE_URL, no credentials here).`,
    pollInterval: 1_000,
    maxPollInterval: 5_000,
    close: async () => {},
  };
}
