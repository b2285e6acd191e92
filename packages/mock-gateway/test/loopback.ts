// The suites' gateway: the test credentials, the clock at T0, listening on 127.0.0.1.
import { createMockGateway, type MockGatewayOptions } from '@tvs/mock-gateway';
import { APPKEY, T0, TOKEN } from './sign.js';

/** A mock gateway for `APPKEY`/`TOKEN` at `T0` (plus `options`), and its listening server. */
export async function listeningGateway(options: Partial<MockGatewayOptions> = {}) {
  const gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => T0,
    ...options,
  });
  return { gateway, server: await gateway.listen() };
}
