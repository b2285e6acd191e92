import { DOWNLINK_TYPE, FINAL_SPEAK_STATUSES, type JsonObject, LIMITS } from '@tvs/envelope';
import { downlinkFrame } from '@tvs/envelope/server';
import { CODES, Refusal } from '../errors.js';
import { planSpeech } from '../internal/speech.js';
import type { Scheduler } from '../scheduler.js';
import type { Connections } from './connections.js';
import type { SessionSettings } from './settings.js';
import type { DriveState, SessionRecord } from './state.js';
import type { MockDrive } from './types.js';

/** How long the simulated avatar takes to start speaking after a drive, ms (before `speechSpeed`). */
const SPEECH_LATENCY_MS = 200;
/** `planSpeech` adds a lead-in and a tail to every text; a stream chunk is spoken without them. */
const PLAN_PADDING_MS = 700;
/** Drives kept per session, oldest dropped first. */
const MAX_DRIVES = 500;

/** Whether a drive has ended: aborted, or its last status is a final one. @internal */
export const isOver = (drive: DriveState): boolean =>
  drive.aborted || (FINAL_SPEAK_STATUSES as readonly string[]).includes(drive.speakStatus);

/** Counts a packet of a sequence (the next `Seq` is expected after it); true for the first. */
function countPacket(drive: DriveState): boolean {
  drive.packets += 1;
  drive.nextSeq += 1;
  return drive.packets === 1;
}

/** @internal */
export interface TimelineDeps {
  readonly scheduler: Scheduler;
  readonly settings: SessionSettings;
  readonly connections: Connections;
}

/**
 * The simulated avatar's speech: a text cuts off what is being said; a text stream or an audio
 * stream is spoken after the drives before it; all at `speechSpeed`, and their statuses (Type 3 downlink messages:
 * `WaitingTextStart → TextStart → TextOver`, `WaitingAudioStart → AudioStart → WaitingAudioOver →
 * AudioOver`) are events of the gateway's queue; an `Interrupt` cuts everything short; a refused
 * frame is one Type 9 message.
 * @internal
 */
export function createSpeechTimeline(deps: TimelineDeps) {
  const { scheduler, settings, connections } = deps;
  const scale = (ms: number) => ms / settings.speechSpeed;
  const speechMs = (text: string) => scale(planSpeech(text).durationMs);

  /** Sends a downlink message (and remembers a drive's last status for reconnects). */
  function emit(session: SessionRecord, fields: JsonObject, drive?: DriveState): void {
    const text = JSON.stringify(
      downlinkFrame({ ...fields, Type: fields['Type'] as number, SessionId: session.sessionId }),
    );
    if (drive && typeof fields['SpeakStatus'] === 'string') {
      drive.speakStatus = fields['SpeakStatus'];
      connections.remember(session, drive.reqId, text);
    }
    connections.send(session, text);
  }

  function status(session: SessionRecord, drive: DriveState, speakStatus: string, extra = {}) {
    emit(
      session,
      {
        Type: DOWNLINK_TYPE.STATUS,
        ReqId: drive.reqId,
        // Seq is required (1240/100401): a SEND_TEXT drive is one packet, Seq 1.
        Seq: drive.kind === 'text' ? 1 : Math.max(1, drive.nextSeq - 1),
        SpeakStatus: speakStatus,
        ...extra,
      },
      drive,
    );
  }

  /** Queues a status of `drive` at `at` (cancelled with the drive). */
  function statusAt(
    at: number,
    session: SessionRecord,
    drive: DriveState,
    speakStatus: string,
    extra = {},
  ) {
    scheduler.schedule(at, () => status(session, drive, speakStatus, extra), drive);
  }

  /** Cuts every drive still speaking short (an `Interrupt`, a drive command), except `keep`. */
  function interrupt(session: SessionRecord, now: number, keep?: DriveState): void {
    for (const drive of session.drives) {
      if (drive === keep || isOver(drive)) continue;
      scheduler.cancel(drive);
      drive.interrupted = true;
      drive.aborted = !drive.final;
      // Only the drive's record says it was cut short: no page names a downlink field for it.
      status(session, drive, drive.kind === 'audio' ? 'AudioOver' : 'TextOver');
    }
    session.busyUntil = now;
    session.lastActivityAt = now;
  }

  /** A new drive of the session (the oldest go beyond 500). */
  function newDrive(
    session: SessionRecord,
    reqId: string,
    kind: MockDrive['kind'],
    source: MockDrive['source'],
    now: number,
  ): DriveState {
    const drive: DriveState = {
      reqId,
      kind,
      source,
      text: '',
      receivedAt: now,
      packets: 0,
      final: false,
      speakStatus: 'Initial',
      interrupted: false,
      nextSeq: 1,
      aborted: false,
      shortChunk: false,
      speakUntil: now,
      speechStart: now,
    };
    session.drives.push(drive);
    if (session.drives.length > MAX_DRIVES) {
      session.drives.splice(0, session.drives.length - MAX_DRIVES);
    }
    return drive;
  }

  return {
    emit,
    status,
    interrupt,

    /** Stops every pending status of the session's drives (the session ended). */
    silence(session: SessionRecord): void {
      for (const drive of session.drives) scheduler.cancel(drive);
    },

    /** A refused command on the channel: one Type 9 message echoing the ReqId. */
    driveFailed(session: SessionRecord, refusal: Refusal, reqId?: string, drive?: DriveState) {
      session.refusals.push({ code: refusal.code, message: refusal.message });
      if (drive) {
        drive.aborted = true;
        drive.errorCode = refusal.code;
        scheduler.cancel(drive);
      }
      emit(
        session,
        {
          Type: DOWNLINK_TYPE.DRIVE_FAILED,
          // ReqId is required (1240/100401): "" when the frame had no usable one.
          ReqId: reqId ?? '',
          SpeakStatus: 'Error',
          Code: refusal.code,
          Message: refusal.message,
        },
        drive,
      );
    },

    newDrive,

    /**
     * A `SEND_TEXT` from the drive command or the channel. Throws a `Refusal` when refused. It
     * cuts off whatever the avatar is saying, `Interrupt` or not: 当 Text 参数不为空的时候…总是会
     * 打断当前播报然后播放 Text 的内容 (1240/100397), and the cut drive gets its TextOver
     * (1240/108576: 当前正在播报的文本被打断完成会收到 TextOver 的下行消息).
     */
    speakText(
      session: SessionRecord,
      drive: { reqId: string; text: string; source: MockDrive['source'] },
      now: number,
    ): void {
      // 发送文本间隔必须大于1s (1240/100397, 100404): a gap of exactly the interval is too short.
      if (session.lastTextAt !== undefined && now - session.lastTextAt <= settings.textIntervalMs) {
        throw new Refusal(
          CODES.throttled,
          'RequestLimitExceeded.CommandTooFrequent',
          `SEND_TEXT ${now - session.lastTextAt} ms after the last one: more than ${settings.textIntervalMs} ms apart`,
        );
      }
      session.lastTextAt = now;
      session.lastActivityAt = now;
      interrupt(session, now);
      const state = newDrive(session, drive.reqId, 'text', drive.source, now);
      state.text = drive.text;
      state.packets = 1;
      state.final = true;
      const start = now + scale(SPEECH_LATENCY_MS);
      const end = start + speechMs(drive.text);
      session.busyUntil = end;
      status(session, state, 'WaitingTextStart');
      statusAt(start, session, state, 'TextStart');
      statusAt(end, session, state, 'TextOver');
    },

    /** One `SEND_STREAMTEXT` chunk, already validated. */
    streamChunk(
      session: SessionRecord,
      drive: DriveState,
      text: string,
      isFinal: boolean,
      now: number,
    ): void {
      const first = countPacket(drive);
      drive.text += text;
      if (first) {
        drive.speechStart = Math.max(now, session.busyUntil) + scale(SPEECH_LATENCY_MS);
        drive.speakUntil = drive.speechStart;
        status(session, drive, 'WaitingTextStart');
        statusAt(drive.speechStart, session, drive, 'TextStart');
      }
      if (text.trim() !== '') {
        const ms = Math.max(scale(100), speechMs(text) - scale(PLAN_PADDING_MS));
        drive.speakUntil = Math.max(drive.speakUntil, now) + ms;
      }
      session.busyUntil = Math.max(session.busyUntil, drive.speakUntil);
      if (isFinal) {
        drive.final = true;
        status(session, drive, 'WaitingTextOver');
        statusAt(Math.max(now, drive.speakUntil), session, drive, 'TextOver');
      }
    },

    /** One `SEND_AUDIO` packet, already validated: `bytes` of PCM (0 in the final packet). */
    audioPacket(
      session: SessionRecord,
      drive: DriveState,
      bytes: number,
      isFinal: boolean,
      now: number,
    ): void {
      const first = countPacket(drive);
      drive.audio ??= { bytes: 0, durationMs: 0, firstAt: now };
      const audio = drive.audio;
      audio.bytes += bytes;
      audio.durationMs = audio.bytes / LIMITS.AUDIO_BYTES_PER_MS;
      if (first) {
        drive.speechStart = Math.max(now, session.busyUntil);
        status(session, drive, 'WaitingAudioStart');
        statusAt(drive.speechStart, session, drive, 'AudioStart');
      }
      drive.speakUntil = drive.speechStart + audio.durationMs;
      session.busyUntil = Math.max(session.busyUntil, drive.speakUntil);
      if (isFinal) {
        drive.final = true;
        audio.finalAt = now;
        if (audio.durationMs > 0) audio.realTimeFactor = (now - audio.firstAt) / audio.durationMs;
        status(session, drive, 'WaitingAudioOver');
        statusAt(Math.max(now, drive.speakUntil), session, drive, 'AudioOver', { FinalType: 1 });
      }
    },
  };
}

/** @internal */
export type SpeechTimeline = ReturnType<typeof createSpeechTimeline>;
