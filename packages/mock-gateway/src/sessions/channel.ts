import {
  API_CODES,
  CHANNEL_CLOSE_CODES,
  COMMAND_CHANNEL_PATH,
  isRequestId,
  LIMITS,
  SESSION_STATUS,
  TvsEnvelopeError,
} from '@tvs/envelope';
import { type DecodedUplinkFrame, decodeRequest, decodeUplinkFrame } from '@tvs/envelope/server';
import type { VerifyFailureReason } from '@tvs/signer';
import { CODES, Refusal } from '../errors.js';
import type { Services } from '../handlers/context.js';
import { checkTextBytes, reviewText } from './handlers.js';
import type { DriveState, SessionState, SessionStore } from './store.js';
import type {
  ChannelConnection,
  ChannelSink,
  ChannelVerdict,
  CommandChannelHost,
} from './types.js';

/** Audio that may run ahead of 0.75× real time: the documented burst of 6 chunks plus one of jitter. */
const AUDIO_LEAD_MS = (LIMITS.AUDIO_BURST_CHUNKS + 1) * LIMITS.AUDIO_CHUNK_MS;

/** @internal */
export interface ChannelHostDeps {
  readonly store: SessionStore;
  readonly services: Services;
  readonly now: () => number;
  /** Verifies the signed URL (`verifySignedUrl` with the gateway's tokens and wall clock). */
  readonly verify: (
    query: URLSearchParams,
  ) => { ok: true; appkey: string } | { ok: false; reason: VerifyFailureReason; message: string };
  /** Records the upgrade in the gateway's call log. */
  readonly record: (entry: {
    url: URL;
    httpStatus: number;
    code: number;
    message?: string;
    authFailure?: VerifyFailureReason;
  }) => void;
}

function refusal(httpStatus: number, code: number, message: string): ChannelVerdict {
  return {
    ok: false,
    httpStatus,
    code,
    message,
    body: JSON.stringify({ Header: { Code: code, Message: message, RequestID: '' }, Payload: {} }),
  };
}

/** The HTTP status an upgrade is refused with, by session code. */
function upgradeStatus(code: number): number {
  if (code === API_CODES.SESSION_NOT_FOUND) return 404;
  return 409;
}

/**
 * The documented refusal for a frame `decodeUplinkFrame` rejects: a missing field is 100001, a
 * bad `Seq` or `Audio` value 100002, an unknown `Command` or a mistyped field 100003.
 */
function frameRefusal(error: unknown): Refusal {
  if (!(error instanceof TvsEnvelopeError)) throw error;
  const path = error.path ?? '';
  const message = error.message.replace(/^uplink frame /, '');
  if (error.code === 'missing-field' || path === 'Payload.ReqId' || path === '') {
    return new Refusal(CODES.missingParameter, 'InvalidParameter.MissingParameter', message);
  }
  if (path === 'Payload.Data.Seq' || path === 'Payload.Data.Audio') {
    return new Refusal(CODES.badValue, `InvalidParameterValue.${path.slice(13)}`, message);
  }
  const what = path === 'Payload.Command' ? 'Command' : 'TypeMismatch';
  return new Refusal(CODES.invalidParameter, `InvalidParameter.${what}`, message);
}

/**
 * The command channel's gateway side, transport-free: upgrade checks (signature, `requestid`,
 * session started), uplink validation (JSON envelope, SessionId, pacing, sizes, `Seq` order,
 * DriverType) with Type 9 error messages, and the speech timeline's status messages.
 * @internal
 */
export function createChannelHost(deps: ChannelHostDeps): CommandChannelHost {
  const { store, services } = deps;

  function sequenceDrive(
    session: SessionState,
    reqId: string,
    kind: 'stream' | 'audio',
    seq: number,
    now: number,
  ): DriveState | undefined {
    const drive = session.drives.findLast((d) => d.reqId === reqId);
    if (!drive) {
      if (seq !== 1) {
        throw new Refusal(
          CODES.badValue,
          'InvalidParameterValue.Seq',
          `a new sequence starts at Seq 1, got ${seq}`,
        );
      }
      return store.newDrive(session, reqId, kind, 'channel', now);
    }
    if (drive.aborted) return undefined;
    if (drive.kind !== kind) {
      throw new Refusal(
        CODES.badValue,
        'InvalidParameterValue.ReqId',
        `ReqId ${reqId} belongs to a ${drive.kind} drive`,
      );
    }
    if (drive.final) {
      throw new Refusal(
        CODES.badValue,
        'InvalidParameterValue.Seq',
        `the sequence ${reqId} has already ended`,
      );
    }
    return drive;
  }

  function handle(session: SessionState, frame: DecodedUplinkFrame, now: number): void {
    const reqId = frame.ReqId;
    let drive: DriveState | undefined;
    try {
      if (frame.SessionId !== session.sessionId) {
        throw new Refusal(
          CODES.badValue,
          'InvalidParameterValue.SessionId',
          'Payload.SessionId is not the session of this channel',
        );
      }
      store.requireRunning(session);
      switch (frame.Command) {
        case 'SEND_HEARTBEAT': {
          if (frame.Data.Text !== 'PING') {
            throw new Refusal(
              CODES.badValue,
              'InvalidParameterValue.Text',
              'a heartbeat carries Data.Text "PING"',
            );
          }
          session.heartbeats += 1;
          return;
        }
        case 'SEND_TEXT': {
          const text = frame.Data.Text ?? '';
          const interrupt = frame.Data.Interrupt ?? false;
          if (text === '' && interrupt) {
            // The documented interrupt (1240/100397): stop speaking, stay silent.
            store.interrupt(session, now);
            return;
          }
          checkTextBytes(text, LIMITS.TEXT_BYTES, 'Payload.Data.Text');
          reviewText(text, services);
          store.speakText(session, reqId, text, interrupt, 'channel', now);
          return;
        }
        case 'SEND_STREAMTEXT': {
          const { Text: text, Seq: seq } = frame.Data;
          const isFinal = frame.Data.IsFinal ?? false;
          const interrupt = frame.Data.Interrupt ?? false;
          checkTextBytes(text, LIMITS.STREAM_TEXT_BYTES, 'Payload.Data.Text', true);
          drive = sequenceDrive(session, reqId, 'stream', seq, now);
          if (!drive) return;
          if (seq !== drive.nextSeq) {
            throw new Refusal(
              CODES.badValue,
              'InvalidParameterValue.Seq',
              `Seq ${seq} out of order: expected ${drive.nextSeq}`,
            );
          }
          if (text === '' && !isFinal && !interrupt) {
            throw new Refusal(
              CODES.badValue,
              'InvalidParameterValue.Text',
              'only the final packet of a stream may be empty',
            );
          }
          reviewText(text, services);
          if (interrupt && text === '' && isFinal) {
            // Documented: Interrupt with empty text ends the stream being spoken.
            store.interrupt(session, now);
            drive.final = true;
            return;
          }
          if (interrupt && seq === 1) store.interrupt(session, now, drive);
          store.streamChunk(session, drive, text, isFinal, now);
          return;
        }
        case 'SEND_AUDIO': {
          if (session.driverType !== 3) {
            throw new Refusal(
              CODES.invalidParameter,
              'InvalidParameter.DriverType',
              'SEND_AUDIO needs a session created with DriverType 3 (audio and text)',
            );
          }
          const { Audio: audio, Seq: seq } = frame.Data;
          const isFinal = frame.Data.IsFinal ?? false;
          const bytes = (audio.length / 4) * 3 - (audio.match(/=*$/)?.[0].length ?? 0);
          drive = sequenceDrive(session, reqId, 'audio', seq, now);
          if (!drive) return;
          if (seq !== drive.nextSeq) {
            throw new Refusal(
              CODES.badValue,
              'InvalidParameterValue.Seq',
              `Seq ${seq} out of order: expected ${drive.nextSeq}`,
            );
          }
          if (isFinal && bytes !== 0) {
            throw new Refusal(
              CODES.badValue,
              'InvalidParameterValue.Audio',
              'the final audio packet must be empty',
            );
          }
          if (!isFinal) {
            const chunk = LIMITS.AUDIO_CHUNK_BYTES;
            if (bytes === 0 || bytes > chunk || bytes % 2 !== 0 || drive.shortChunk) {
              throw new Refusal(
                CODES.badValue,
                'InvalidParameterValue.AudioChunk',
                drive.shortChunk
                  ? 'only the last audio chunk may be shorter than 5120 bytes'
                  : `audio chunks are ${chunk} bytes of 16-bit PCM, got ${bytes}`,
              );
            }
            drive.shortChunk = bytes < chunk;
            const aheadMs = ((drive.audio?.bytes ?? 0) + bytes) / LIMITS.AUDIO_BYTES_PER_MS;
            const elapsed = drive.audio ? now - drive.audio.firstAt : 0;
            const allowed = AUDIO_LEAD_MS + elapsed / LIMITS.AUDIO_MIN_REAL_TIME_FACTOR;
            if (aheadMs > allowed) {
              throw new Refusal(
                CODES.throttled,
                'RequestLimitExceeded.AudioTooFast',
                `${Math.round(aheadMs)} ms of audio after ${Math.round(elapsed)} ms: send the first 6 chunks at once, then one every 120 ms at most`,
              );
            }
          }
          store.audioPacket(session, drive, bytes, isFinal, now);
          return;
        }
      }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      store.driveFailed(session, error, reqId, drive);
    }
  }

  return {
    authorize(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return refusal(400, CODES.missingParameter, 'InvalidParameter.Url:malformed URL');
      }
      const query = parsed.searchParams;
      const refuse = (
        verdict: ChannelVerdict & { ok: false },
        authFailure?: VerifyFailureReason,
      ): ChannelVerdict => {
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
        return refuse(
          refusal(
            404,
            CODES.notFound,
            `ResourceNotFound.Path:no channel at ${parsed.pathname.slice(0, 200)}`,
          ) as ChannelVerdict & { ok: false },
        );
      }
      const auth = deps.verify(query);
      if (!auth.ok) {
        return refuse(
          refusal(401, CODES.unauthorized, auth.message) as ChannelVerdict & { ok: false },
          auth.reason,
        );
      }
      const sessionId = query.get('requestid');
      if (!sessionId) {
        return refuse(
          refusal(
            400,
            CODES.missingParameter,
            'InvalidParameter.MissingParameter:requestid (the SessionId) is required',
          ) as ChannelVerdict & { ok: false },
        );
      }
      try {
        const session = store.find(auth.appkey, sessionId, deps.now());
        store.requireRunning(session);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        return refuse(
          refusal(upgradeStatus(error.code), error.code, error.message) as ChannelVerdict & {
            ok: false;
          },
        );
      }
      deps.record({ url: parsed, httpStatus: 101, code: 0 });
      return { ok: true, sessionId, appkey: auth.appkey };
    },

    connect(sessionId: string, sink: ChannelSink): ChannelConnection {
      const now = deps.now();
      store.settle(now);
      const session = store.sessions.get(sessionId);
      if (session?.status !== SESSION_STATUS.READY || !session.started) {
        sink.close(CHANNEL_CLOSE_CODES.SESSION_ENDED, 'the session is not running');
        return { receive() {}, closed() {} };
      }
      const connection = store.attach(session, sink, now);
      return {
        receive(data) {
          const at = deps.now();
          store.settle(at);
          if (!connection.open) return;
          store.frameArrived(session, connection, at);
          if (typeof data !== 'string') {
            store.driveFailed(
              session,
              new Refusal(
                CODES.missingParameter,
                'InvalidParameter.BinaryFrame',
                'frames are JSON text, not binary',
              ),
            );
            return;
          }
          let payload: Record<string, unknown>;
          let frame: DecodedUplinkFrame;
          try {
            payload = decodeRequest(data).Payload;
          } catch (error) {
            store.driveFailed(
              session,
              new Refusal(
                CODES.missingParameter,
                'InvalidParameter.InvalidFrame',
                String((error as Error)?.message ?? error).slice(0, 200),
              ),
            );
            return;
          }
          try {
            frame = decodeUplinkFrame({ Payload: payload });
          } catch (error) {
            // Echo the frame's ReqId when it has a usable one, as for any other refusal.
            const reqId = isRequestId(payload['ReqId']) ? payload['ReqId'] : undefined;
            store.driveFailed(session, frameRefusal(error), reqId);
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
