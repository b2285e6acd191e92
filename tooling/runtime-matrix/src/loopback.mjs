// The loopback gateway: @tvs/mock-gateway listening on 127.0.0.1, real HTTP and WebSocket, for
// the suites that need sockets (the command channel). Fresh credentials on every run.
import { randomBytes } from 'node:crypto';
import { createMockGateway } from '@tvs/mock-gateway';

/**
 * @returns {Promise<{ context: Required<import('./suite-runner.mjs').Context>,
 *   close(): Promise<void> }>}
 */
export async function startLoopbackGateway() {
  const appkey = `matrix-${randomBytes(4).toString('hex')}`;
  const accessToken = randomBytes(16).toString('hex');
  const gateway = createMockGateway({
    credentials: [{ appkey, accessToken }],
    renderSpeed: 50,
    // Quick sessions and speech, and room for every runtime's sessions at once.
    sessions: { prepareMs: 200, speechSpeed: 100, maxConcurrent: 32 },
  });
  const server = await gateway.listen();
  return {
    context: { loopback: { url: server.url, appkey, accessToken } },
    async close() {
      await server.close();
      gateway.close();
    },
  };
}
