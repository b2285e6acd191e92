import { type ClientOptions, createClient, type TvsClient } from '@tvs/client';
import {
  createMockGateway,
  type ListeningGateway,
  type MockGateway,
  type MockGatewayOptions,
} from '@tvs/mock-gateway';

export const APPKEY = 'app-client-tests';
export const TOKEN = 'tok-SECRET-5ca1ab1e-do-not-print';

export interface Harness {
  gateway: MockGateway;
  server: ListeningGateway;
  /** A client on the gateway's loopback URL with fast retries. */
  client(options?: ClientOptions): TvsClient;
  /** The gateway's call log for paths ending in `suffix`. */
  callsTo(suffix: string): MockGateway['calls'];
  close(): Promise<void>;
}

/** A mock gateway listening on a real loopback socket. */
export async function startGateway(options: Partial<MockGatewayOptions> = {}): Promise<Harness> {
  const gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    renderSpeed: 50,
    seed: 7,
    ...options,
  });
  const server = await gateway.listen();
  return {
    gateway,
    server,
    client: (clientOptions = {}) =>
      createClient({
        appkey: APPKEY,
        accessToken: TOKEN,
        baseUrl: server.url,
        retry: { baseDelay: 5, maxDelay: 20 },
        ...clientOptions,
      }),
    callsTo: (suffix) => gateway.calls.filter((call) => call.path.endsWith(suffix)),
    close: async () => {
      await server.close();
      gateway.close();
    },
  };
}

/** What a value looks like in every way it could be printed. */
export async function printed(value: unknown): Promise<string> {
  const { inspect } = await import('node:util');
  const views = [
    String(value),
    safeJson(value),
    inspect(value, { showHidden: true, depth: 10, getters: true }),
  ];
  if (value instanceof Error) views.push(value.stack ?? '');
  return views.join('\n');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** A loopback URL where nothing listens: a port that was just in use and is now closed. */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
