import { CODES } from '../errors.js';
import type { SessionStore } from './store.js';
import type { MockSession } from './types.js';

/** The test-facing handle on the mock's sessions (`gateway.sessions`). */
export interface MockSessionControl {
  /** Every session kept (closed ones too, up to 1000), in creation order, settled to now. */
  list(): readonly MockSession[];
  /** One session, settled to now. */
  get(sessionId: string): MockSession | undefined;
  /**
   * Makes a session fail (status 4) as the gateway's render side can: `statsession` then
   * reports `ErrorCode`/`ErrorMessage`, and its command channel gets a Type 9 message and closes.
   * Default code -101001 (no compute available).
   */
  fail(sessionId: string, init?: { code?: number; message?: string }): void;
  /**
   * Drops the session's command-channel socket abruptly (no close frame), as a network failure
   * would; the session stays open, so a client should reconnect. False when no socket is open.
   */
  dropChannel(sessionId: string): boolean;
}

/** @internal */
export function createSessionControl(store: SessionStore, now: () => number): MockSessionControl {
  const settled = () => {
    store.settle();
    return store.sessions;
  };
  return {
    list: () => [...settled().values()],
    get: (sessionId) => settled().get(sessionId),
    fail(sessionId, init = {}) {
      const session = settled().get(sessionId);
      if (!session) throw new Error(`gateway.sessions.fail: no session ${sessionId}`);
      const code = init.code ?? CODES.noCompute;
      store.fail(
        session,
        now(),
        code,
        init.message ?? 'InternalError.NoCompute:no compute available',
      );
    },
    dropChannel(sessionId) {
      const session = settled().get(sessionId);
      const connection = session?.connection;
      if (!session || !connection?.open) return false;
      store.detach(session, connection);
      connection.sink.terminate();
      return true;
    },
  };
}
