import { checkDownlink, checkUplink, closeReason, passableCode } from './channel-frames.js';
import { log } from './log.js';
import type { WorkerSocket } from './workers-runtime.js';

/** RFC 6455 codes the Worker closes with itself. */
const GOING_AWAY = 1001;
const INTERNAL_ERROR = 1011;
/** The Worker is a gateway and its upstream failed (IANA registry: Bad Gateway). */
const BAD_GATEWAY = 1014;

/** A close to send: no code means a close frame without one (the peer sees 1005). */
type Close = readonly [code: number | undefined, reason: string];

/** Closes a socket that may already be closing or closed. */
function closeQuietly(socket: WorkerSocket, [code, reason]: Close): void {
  try {
    if (code === undefined) socket.close();
    else socket.close(code, closeReason(reason));
  } catch {
    // Already closed: nothing to pass on.
  }
}

/**
 * Pipes frames between the caller's socket and the gateway's, both accepted here, until either
 * side closes. Uplink frames are checked ({@link checkUplink}: JSON text for this session, at
 * most 256 KiB); the first refused frame closes the caller's socket with the reason and the
 * gateway's with 1000. Downlink frames pass unchanged (size aside). A close on one side is passed
 * to the other with its code and reason (a code only runtimes report becomes 1001 towards the
 * gateway and 1014 towards the caller); an error on one side closes both. Heartbeats are
 * ordinary frames (`SEND_HEARTBEAT`) and pass like the rest; WebSocket pings are answered by
 * the runtime on each hop.
 */
export function pipeChannel(caller: WorkerSocket, gateway: WorkerSocket, sessionId: string): void {
  let open = true;
  const end = (by: 'caller' | 'gateway' | 'worker', toCaller: Close, toGateway: Close) => {
    if (!open) return;
    open = false;
    closeQuietly(caller, toCaller);
    closeQuietly(gateway, toGateway);
    log({ event: 'channel-closed', by, code: (by === 'caller' ? toGateway : toCaller)[0] });
  };

  caller.addEventListener('message', (event) => {
    if (!open) return;
    const refusal = checkUplink(event.data, sessionId);
    if (refusal) {
      end('worker', [refusal.code, refusal.reason], [1000, 'the caller sent a refused frame']);
      return;
    }
    gateway.send(event.data as string);
  });
  gateway.addEventListener('message', (event) => {
    if (!open) return;
    const refusal = checkDownlink(event.data);
    if (refusal) {
      end('worker', [refusal.code, refusal.reason], [refusal.code, 'frame too large to pass on']);
      return;
    }
    caller.send(event.data as string | ArrayBuffer);
  });
  caller.addEventListener('close', (event) => {
    const code = passableCode(event.code, GOING_AWAY);
    end('caller', [code, event.reason], [code, event.reason]);
  });
  gateway.addEventListener('close', (event) => {
    const code = passableCode(event.code, BAD_GATEWAY);
    const reason = code === BAD_GATEWAY ? 'the gateway connection was lost' : event.reason;
    end('gateway', [code, reason], [code, reason]);
  });
  caller.addEventListener('error', () => {
    end('caller', [INTERNAL_ERROR, 'connection error'], [GOING_AWAY, 'the caller went away']);
  });
  gateway.addEventListener('error', () => {
    end('gateway', [BAD_GATEWAY, 'the gateway connection failed'], [INTERNAL_ERROR, '']);
  });
  caller.accept();
  gateway.accept();
}
