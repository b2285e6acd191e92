import {
  API_CODES,
  CHANNEL_CLOSE_CODES,
  COMMAND_CHANNEL_PATH,
  isRequestId,
  SESSION_STATUS,
  TvsEnvelopeError,
} from '@tvs/envelope';
import { decodeRequest, decodeUplinkFrame } from '@tvs/envelope/server';
import type { VerifyFailureReason } from '@tvs/signer';
import { CODES, Refusal } from '../errors.js';
import type { Services } from '../handlers/context.js';
import type { AuthVerdict } from '../pipeline/authenticate.js';
import { envelopeText } from '../pipeline/responses.js';
import type { SessionStore } from './store.js';
import type {
  ChannelConnection,
  ChannelSink,
  ChannelVerdict,
  CommandChannelHost,
} from './types.js';
import { createUplinkHandler, frameRefusal } from './uplink.js';

/** @internal */
export interface ChannelHostDeps {
  readonly store: SessionStore;
  readonly services: Services;
  readonly now: () => number;
  /** The gateway's signature check (the same as for HTTP calls). */
  readonly authenticate: (query: URLSearchParams) => AuthVerdict;
  /** Records the upgrade in the gateway's call log. */
  readonly record: (entry: {
    url: URL;
    httpStatus: number;
    code: number;
    message?: string;
    authFailure?: VerifyFailureReason;
  }) => void;
}

type Refused = Extract<ChannelVerdict, { ok: false }>;

/** An upgrade refused with an HTTP status and the gateway's error envelope. */
function refused(httpStatus: number, refusal: Refusal): Refused {
  return {
    ok: false,
    httpStatus,
    code: refusal.code,
    message: refusal.message,
    body: envelopeText('', refusal.code, refusal.message, {}),
  };
}

/** The HTTP status an upgrade is refused with, by session code: 404 unknown, else 409. */
const upgradeStatus = (code: number) => (code === API_CODES.SESSION_NOT_FOUND ? 404 : 409);

/** Envelope errors that mean the frame is not JSON, or not `{ Header, Payload }` at all. */
const UNREADABLE: ReadonlySet<string> = new Set([
  'empty',
  'not-json',
  'too-deep',
  'not-utf8',
  'too-large',
  'not-an-envelope',
]);

/** The `ReqId` of a frame the decoder refused, to echo in the refusal when it is a usable one. */
function refusedReqId(data: string): string | undefined {
  try {
    const reqId = decodeRequest(data).Payload['ReqId'];
    return isRequestId(reqId) ? reqId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The command channel's gateway side, transport-free: upgrade checks (path, signature,
 * `requestid` = a started session) and connected sockets, whose uplink frames are decoded with
 * `@tvs/envelope/server`'s `decodeUplinkFrame` and handed to the uplink handler (uplink.ts).
 * @internal
 */
export function createChannelHost(deps: ChannelHostDeps): CommandChannelHost {
  const { store } = deps;
  const handle = createUplinkHandler(store, deps.services);

  return {
    authorize(url) {
      if (!URL.canParse(url)) {
        return refused(
          400,
          new Refusal(CODES.missingParameter, 'InvalidParameter.Url', 'malformed URL'),
        );
      }
      const parsed = new URL(url);
      const refuse = (verdict: Refused, authFailure?: VerifyFailureReason): ChannelVerdict => {
        deps.record({
          url: parsed,
          httpStatus: verdict.httpStatus,
          code: verdict.code,
          message: verdict.message,
          ...(authFailure ? { authFailure } : {}),
        });
        return verdict;
      };
      if (parsed.pathname !== COMMAND_CHANNEL_PATH) {
        const where = `no channel at ${parsed.pathname.slice(0, 200)}`;
        return refuse(refused(404, new Refusal(CODES.notFound, 'ResourceNotFound.Path', where)));
      }
      const auth = deps.authenticate(parsed.searchParams);
      if (!auth.ok) return refuse(refused(401, auth.refusal), auth.reason);
      const sessionId = parsed.searchParams.get('requestid');
      if (!sessionId) {
        const why = 'requestid (the SessionId) is required';
        return refuse(
          refused(
            400,
            new Refusal(CODES.missingParameter, 'InvalidParameter.MissingParameter', why),
          ),
        );
      }
      try {
        store.requireRunning(store.find(auth.appkey, sessionId));
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        return refuse(refused(upgradeStatus(error.code), error));
      }
      deps.record({ url: parsed, httpStatus: 101, code: 0 });
      return { ok: true, sessionId, appkey: auth.appkey };
    },

    connect(sessionId: string, sink: ChannelSink): ChannelConnection {
      const now = deps.now();
      store.settle();
      const session = store.sessions.get(sessionId);
      if (session?.status !== SESSION_STATUS.READY || !session.started) {
        sink.close(CHANNEL_CLOSE_CODES.SESSION_ENDED, 'the session is not running');
        return { receive() {}, closed() {} };
      }
      const connection = store.attach(session, sink, now);
      return {
        receive(data) {
          const at = deps.now();
          store.settle();
          if (!connection.open) return;
          store.frameArrived(session, connection, at);
          if (typeof data !== 'string') {
            const why = 'frames are JSON text, not binary';
            store.driveFailed(
              session,
              new Refusal(CODES.missingParameter, 'InvalidParameter.BinaryFrame', why),
            );
            return;
          }
          let frame: ReturnType<typeof decodeUplinkFrame>;
          try {
            frame = decodeUplinkFrame(data);
          } catch (error) {
            if (!(error instanceof TvsEnvelopeError)) throw error;
            if (UNREADABLE.has(error.code)) {
              const why = error.message.slice(0, 200);
              store.driveFailed(
                session,
                new Refusal(CODES.missingParameter, 'InvalidParameter.InvalidFrame', why),
              );
            } else {
              // Echo the frame's ReqId when it has a usable one, as for any other refusal.
              store.driveFailed(session, frameRefusal(error), refusedReqId(data));
            }
            return;
          }
          handle(session, frame, at);
        },
        closed() {
          store.detach(session, connection);
        },
      };
    },
  };
}
