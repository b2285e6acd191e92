import { LIMITS, TvsEnvelopeError } from '@tvs/envelope';
import type { DecodedUplinkFrame } from '@tvs/envelope/server';
import { CODES, Refusal } from '../errors.js';
import type { Services } from '../handlers/context.js';
import { checkTextBytes, reviewText } from './handlers.js';
import type { DriveState, SessionRecord } from './state.js';
import type { SessionStore } from './store.js';

/** Audio that may run ahead of 0.75× real time: the documented burst of 6 chunks plus one of jitter. */
const AUDIO_LEAD_MS = (LIMITS.AUDIO_BURST_CHUNKS + 1) * LIMITS.AUDIO_CHUNK_MS;

/**
 * The documented refusal for a frame `decodeUplinkFrame` rejects: a missing field is 100001, a
 * bad `Seq` or `Audio` value 100002, an unknown `Command` or a mistyped field 100003.
 * @internal
 */
export function frameRefusal(error: unknown): Refusal {
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
 * What the gateway does with one decoded uplink frame on a session's channel (1240/100397–
 * 100400): the SessionId must be the channel's, the session running; `SEND_HEARTBEAT` with
 * `PING`; `SEND_TEXT` (size, content review, pacing; it cuts off what the avatar is saying, and
 * an empty `Interrupt` silences it);
 * `SEND_STREAMTEXT` chunks (≤ 2000 bytes, `Seq` from 1 in order, nothing after `IsFinal`; an
 * empty `Interrupt` stops the avatar whatever its `Seq` and `ReqId`);
 * `SEND_AUDIO` chunks (5120 bytes of 16-bit PCM, only the last shorter, an empty final packet,
 * no more than the documented burst ahead of 0.75× real time, DriverType 3). A refusal is one
 * Type 9 message echoing the `ReqId`, and aborts the sequence it belongs to.
 * @internal
 */
export function createUplinkHandler(store: SessionStore, services: Services) {
  function sequenceDrive(
    session: SessionRecord,
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

  /** A packet of a sequence must carry the next `Seq`. */
  function checkOrder(drive: DriveState, seq: number): void {
    if (seq !== drive.nextSeq) {
      throw new Refusal(
        CODES.badValue,
        'InvalidParameterValue.Seq',
        `Seq ${seq} out of order: expected ${drive.nextSeq}`,
      );
    }
  }

  function handle(session: SessionRecord, frame: DecodedUplinkFrame, now: number): void {
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
          store.speakText(session, { reqId, text, source: 'channel' }, now);
          return;
        }
        case 'SEND_STREAMTEXT': {
          const { Text: text, Seq: seq } = frame.Data;
          const isFinal = frame.Data.IsFinal ?? false;
          const interrupt = frame.Data.Interrupt ?? false;
          if (interrupt && text === '') {
            // 传入 true 并且 Text 为空,表示打断流式文本 (1240/100399): only Seq (any from 1)
            // and Interrupt count, whatever the ReqId (new, running or ended). It is no
            // packet of a sequence: it creates no drive and cannot fail the stream it stops.
            store.interrupt(session, now);
            return;
          }
          checkTextBytes(text, LIMITS.STREAM_TEXT_BYTES, 'Payload.Data.Text', true);
          drive = sequenceDrive(session, reqId, 'stream', seq, now);
          if (!drive) return;
          checkOrder(drive, seq);
          if (text === '' && !isFinal) {
            throw new Refusal(
              CODES.badValue,
              'InvalidParameterValue.Text',
              'only the final packet of a stream may be empty',
            );
          }
          reviewText(text, services);
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
          checkOrder(drive, seq);
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

  return handle;
}
