import {
  API_CODES,
  CHANNEL_CLOSE_CODES,
  DOWNLINK_TYPE,
  FINAL_SPEAK_STATUSES,
  type JsonObject,
  LIMITS,
  SESSION_STATUS,
  type SessionDriverType,
  type SessionStatus,
} from '@tvs/envelope';
import { downlinkFrame } from '@tvs/envelope/server';
import { CODES, Refusal } from '../errors.js';
import { planSpeech } from '../speech.js';
import type { ChannelSink, MockDrive, MockSession, MockSessionOptions } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The documented codes (1240/100406) the session family answers with, by situation. A failed
 * or idled-out session is refused as closed (110013, whose advice is to read statsession's
 * ErrorCode and ErrorMessage); another appkey's session does not exist for the caller (110018);
 * the concurrency limit is 100008 (超过并发限制: check the sessions in use against the limit).
 * @internal
 */
export const SESSION_CODES = {
  closed: API_CODES.SESSION_CLOSED,
  notReady: API_CODES.SESSION_NOT_READY,
  notStarted: API_CODES.SESSION_NOT_STARTED,
  notFound: API_CODES.SESSION_NOT_FOUND,
  takenOver: API_CODES.SESSION_REPLACED,
  concurrency: API_CODES.LIMIT_EXCEEDED,
} as const;

/** How long the simulated avatar takes to start speaking after a drive, ms (before `speechSpeed`). */
const SPEECH_LATENCY_MS = 200;
/** `planSpeech` adds a lead-in and a tail to every text; a stream chunk is spoken without them. */
const PLAN_PADDING_MS = 700;
/** Closed sessions kept for `statsession` at most. */
const MAX_ENDED = 1000;

/** @internal */
export interface DriveState extends Mutable<MockDrive> {
  audio?: Mutable<NonNullable<MockDrive['audio']>>;
  /** Next `Seq` expected (streams and audio). */
  nextSeq: number;
  aborted: boolean;
  /** A non-final audio chunk shorter than 5120 bytes arrived: only the final packet may follow. */
  shortChunk: boolean;
  /** When the avatar will have said everything received so far. */
  speakUntil: number;
  speechStart: number;
}

interface Connection {
  readonly sink: ChannelSink;
  lastFrameAt: number;
  open: boolean;
}

/** @internal */
export interface SessionState extends Mutable<Omit<MockSession, 'drives' | 'refusals'>> {
  drives: DriveState[];
  refusals: { code: number; message: string }[];
  connection: Connection | undefined;
  lastTextAt: number | undefined;
  busyUntil: number;
  /** The last status message of each recent drive, least recently updated first. */
  recent: Map<string, string>;
}

interface TimedEvent {
  readonly at: number;
  readonly order: number;
  readonly drive: DriveState | undefined;
  readonly fire: () => void;
}

/** What creating a session takes, after the operation table's checks. @internal */
export interface NewSession {
  readonly appkey: string;
  readonly userId: string;
  readonly protocol: string;
  readonly driverType: SessionDriverType;
  readonly virtualmanProjectId?: string;
  readonly assetVirtualmanKey?: string;
  readonly host: string;
}

/** @internal */
export interface SessionStoreDeps {
  readonly now: () => number;
  readonly newId: () => string;
  readonly options: MockSessionOptions | undefined;
  /** Called when the next event time may have changed (re-arms the real-clock timer). */
  readonly onChange: () => void;
}

function positive(value: unknown, name: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    (!allowZero && value === 0)
  ) {
    throw new TypeError(`createMockGateway: sessions.${name} must be a positive number`);
  }
  return value;
}

/** @internal */
export function sessionSettings(options: MockSessionOptions | undefined) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError('createMockGateway: sessions must be an object');
  }
  const o = options ?? {};
  const maxConcurrent = positive(o.maxConcurrent, 'maxConcurrent', 2);
  if (!Number.isInteger(maxConcurrent)) {
    throw new TypeError('createMockGateway: sessions.maxConcurrent must be a positive integer');
  }
  return {
    maxConcurrent,
    prepareMs: positive(o.prepareMs, 'prepareMs', 3000, true),
    socketIdleMs: positive(o.socketIdleMs, 'socketIdleMs', LIMITS.SOCKET_IDLE_MS),
    sessionIdleMs: positive(o.sessionIdleMs, 'sessionIdleMs', LIMITS.SESSION_IDLE_MS),
    speechSpeed: positive(o.speechSpeed, 'speechSpeed', 1),
    textIntervalMs: positive(o.textIntervalMs, 'textIntervalMs', LIMITS.TEXT_INTERVAL_MS, true),
  };
}

const holdsSlot = (s: SessionState) => s.status !== SESSION_STATUS.CLOSED;

/**
 * Interactive sessions on the gateway clock: preparing → ready → started → closed or failed,
 * the per-appkey concurrency quota, the same-UserId takeover, idle timeouts, and the simulated
 * avatar's speech timeline that drives the command channel's status messages. Pure event
 * simulation: `settle(now)` replays every due event, so the virtual clock decides everything.
 * @internal
 */
export function createSessionStore(deps: SessionStoreDeps) {
  const settings = sessionSettings(deps.options);
  const sessions = new Map<string, SessionState>();
  let events: TimedEvent[] = [];
  let order = 0;

  const scale = (ms: number) => ms / settings.speechSpeed;

  function schedule(at: number, drive: DriveState | undefined, fire: () => void): void {
    events.push({ at, order: order++, drive, fire });
  }

  /** Sends a downlink message (and remembers a drive's last status for reconnects). */
  function emit(session: SessionState, fields: JsonObject, drive?: DriveState): void {
    const text = JSON.stringify(
      downlinkFrame({ ...fields, Type: fields['Type'] as number, SessionId: session.sessionId }),
    );
    if (drive && typeof fields['SpeakStatus'] === 'string') {
      drive.speakStatus = fields['SpeakStatus'];
      session.recent.delete(drive.reqId);
      session.recent.set(drive.reqId, text);
      if (session.recent.size > 3) session.recent.delete(session.recent.keys().next().value!);
    }
    const connection = session.connection;
    if (connection?.open) connection.sink.send(text);
  }

  function status(session: SessionState, drive: DriveState, speakStatus: string, extra = {}) {
    emit(
      session,
      {
        Type: DOWNLINK_TYPE.STATUS,
        ReqId: drive.reqId,
        ...(drive.kind === 'text' ? {} : { Seq: Math.max(1, drive.nextSeq - 1) }),
        SpeakStatus: speakStatus,
        ...extra,
      },
      drive,
    );
  }

  /** A refused command on the channel: one Type 9 message echoing the ReqId. */
  function driveFailed(
    session: SessionState,
    refusal: Refusal,
    reqId?: string,
    drive?: DriveState,
  ) {
    session.refusals.push({ code: refusal.code, message: refusal.message });
    if (drive) {
      drive.aborted = true;
      drive.errorCode = refusal.code;
      cancelEvents(drive);
    }
    emit(
      session,
      {
        Type: DOWNLINK_TYPE.DRIVE_FAILED,
        ...(reqId ? { ReqId: reqId } : {}),
        SpeakStatus: 'Error',
        Code: refusal.code,
        Message: refusal.message,
      },
      drive,
    );
  }

  function cancelEvents(drive: DriveState): void {
    events = events.filter((event) => event.drive !== drive);
  }

  const isOver = (drive: DriveState) =>
    drive.aborted || (FINAL_SPEAK_STATUSES as readonly string[]).includes(drive.speakStatus);

  /** Cuts every drive still speaking short (an `Interrupt`), except `keep`. */
  function interrupt(session: SessionState, now: number, keep?: DriveState): void {
    for (const drive of session.drives) {
      if (drive === keep || isOver(drive)) continue;
      cancelEvents(drive);
      drive.interrupted = true;
      drive.aborted = !drive.final;
      status(session, drive, drive.kind === 'audio' ? 'AudioOver' : 'TextOver', {
        Interrupted: true,
      });
    }
    session.busyUntil = now;
  }

  function endSession(
    session: SessionState,
    at: number,
    newStatus: typeof SESSION_STATUS.CLOSED | typeof SESSION_STATUS.FAILED,
    code: number,
    message: string,
    /** Tell the open channel why with a Type 9 message (not when the caller closed it). */
    notify: boolean,
  ): void {
    if (session.status === SESSION_STATUS.CLOSED) return;
    session.status = newStatus;
    session.endedAt = at;
    session.endCode = code;
    session.endMessage = message;
    for (const drive of session.drives) cancelEvents(drive);
    const connection = session.connection;
    if (connection?.open) {
      if (notify) {
        emit(session, {
          Type: DOWNLINK_TYPE.DRIVE_FAILED,
          SpeakStatus: 'Error',
          Code: code,
          Message: message,
        });
      }
      connection.open = false;
      connection.sink.close(CHANNEL_CLOSE_CODES.SESSION_ENDED, `${code} ${message}`.slice(0, 120));
    }
    session.channelOpen = false;
    session.connection = undefined;
  }

  /** The earliest pending thing: an event, a session becoming ready, an idle deadline. */
  function nextDue(): { at: number; run: () => void } | undefined {
    let best: { at: number; run: () => void } | undefined;
    const consider = (at: number, run: () => void) => {
      if (best === undefined || at < best.at) best = { at, run };
    };
    for (const event of events) {
      consider(event.at, () => {
        events = events.filter((e) => e !== event);
        event.fire();
      });
    }
    for (const session of sessions.values()) {
      if (session.status === SESSION_STATUS.PREPARING) {
        consider(session.readyAt, () => {
          session.status = SESSION_STATUS.READY;
        });
      }
      if (session.status === SESSION_STATUS.READY || session.status === SESSION_STATUS.FAILED) {
        const at = session.lastActivityAt + settings.sessionIdleMs;
        consider(at, () =>
          endSession(
            session,
            at,
            SESSION_STATUS.CLOSED,
            SESSION_CODES.closed,
            'SessionClosed.Idle:no drive command for 10 minutes',
            true,
          ),
        );
      }
      const connection = session.connection;
      if (connection?.open) {
        consider(connection.lastFrameAt + settings.socketIdleMs, () => {
          connection.open = false;
          session.connection = undefined;
          session.channelOpen = false;
          connection.sink.close(CHANNEL_CLOSE_CODES.IDLE, 'idle: no frame for too long');
        });
      }
    }
    if (best === undefined) return undefined;
    // Events at the same time run in the order they were scheduled.
    const at = best.at;
    const same = events.filter((e) => e.at === at).sort((a, b) => a.order - b.order)[0];
    if (same) {
      return {
        at,
        run: () => {
          events = events.filter((e) => e !== same);
          same.fire();
        },
      };
    }
    return best;
  }

  function settle(now: number): void {
    for (let guard = 0; guard < 100_000; guard++) {
      const due = nextDue();
      if (due === undefined || due.at > now) return;
      due.run();
    }
  }

  function find(appkey: string, sessionId: string, now: number): SessionState {
    settle(now);
    const session = sessions.get(sessionId);
    if (!session || session.appkey !== appkey) {
      throw new Refusal(
        SESSION_CODES.notFound,
        'ResourceNotFound.Session',
        `session ${JSON.stringify(sessionId.slice(0, 64))} does not exist`,
      );
    }
    return session;
  }

  /** The refusal for using a session that is not started and running. */
  function requireRunning(session: SessionState): void {
    if (session.status === SESSION_STATUS.CLOSED) {
      const code = session.endCode ?? SESSION_CODES.closed;
      throw new Refusal(
        code,
        'FailedOperation.SessionEnded',
        session.endMessage ?? 'session closed',
      );
    }
    if (session.status === SESSION_STATUS.FAILED) {
      throw new Refusal(SESSION_CODES.closed, 'FailedOperation.SessionFailed', 'session failed');
    }
    if (session.status === SESSION_STATUS.PREPARING) {
      throw new Refusal(
        SESSION_CODES.notReady,
        'FailedOperation.SessionNotReady',
        'session is preparing',
      );
    }
    if (!session.started) {
      throw new Refusal(
        SESSION_CODES.notStarted,
        'FailedOperation.SessionNotStarted',
        'call startsession first',
      );
    }
  }

  function forgetEnded(): void {
    const ended = [...sessions.values()].filter((s) => s.status === SESSION_STATUS.CLOSED);
    for (const session of ended.slice(0, Math.max(0, ended.length - MAX_ENDED))) {
      sessions.delete(session.sessionId);
    }
  }

  function newDrive(
    session: SessionState,
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
    if (session.drives.length > 500) session.drives.splice(0, session.drives.length - 500);
    return drive;
  }

  const speechMs = (text: string) => scale(planSpeech(text).durationMs);

  return {
    settings,
    sessions,
    settle,
    nextEventAt(): number | undefined {
      return nextDue()?.at;
    },
    find,
    requireRunning,
    driveFailed,
    interrupt,
    status,
    newDrive,
    isOver,

    create(fields: NewSession, now: number): SessionState {
      settle(now);
      // The same UserId takes over: the old session closes (110022), freeing its slot.
      for (const old of sessions.values()) {
        if (old.appkey === fields.appkey && old.userId === fields.userId && holdsSlot(old)) {
          endSession(
            old,
            now,
            SESSION_STATUS.CLOSED,
            SESSION_CODES.takenOver,
            'SessionClosed.TakenOver:a new session with the same UserId replaced it',
            true,
          );
        }
      }
      const held = [...sessions.values()].filter((s) => s.appkey === fields.appkey && holdsSlot(s));
      if (held.length >= settings.maxConcurrent) {
        throw new Refusal(
          SESSION_CODES.concurrency,
          'LimitExceeded.Concurrency',
          `${held.length} of ${settings.maxConcurrent} concurrent sessions in use: close one first`,
        );
      }
      const sessionId = deps.newId();
      const scheme = fields.protocol === 'rtmp' ? 'rtmp' : fields.protocol;
      const session: SessionState = {
        sessionId,
        appkey: fields.appkey,
        userId: fields.userId,
        protocol: fields.protocol,
        driverType: fields.driverType,
        ...(fields.virtualmanProjectId !== undefined
          ? { virtualmanProjectId: fields.virtualmanProjectId }
          : {}),
        ...(fields.assetVirtualmanKey !== undefined
          ? { assetVirtualmanKey: fields.assetVirtualmanKey }
          : {}),
        status: settings.prepareMs === 0 ? SESSION_STATUS.READY : SESSION_STATUS.PREPARING,
        started: false,
        createdAt: now,
        readyAt: now + settings.prepareMs,
        playStreamAddr: `${scheme}://${fields.host}/live/${sessionId}`,
        lastActivityAt: now,
        connections: 0,
        channelOpen: false,
        heartbeats: 0,
        drives: [],
        refusals: [],
        connection: undefined,
        lastTextAt: undefined,
        busyUntil: now,
        recent: new Map(),
      };
      sessions.set(sessionId, session);
      forgetEnded();
      deps.onChange();
      return session;
    },

    start(session: SessionState, now: number): void {
      if (session.status !== SESSION_STATUS.READY) requireRunning(session);
      if (!session.started) {
        session.started = true;
        session.startedAt = now;
      }
      session.lastActivityAt = now;
      deps.onChange();
    },

    close(session: SessionState, now: number): void {
      endSession(
        session,
        now,
        SESSION_STATUS.CLOSED,
        SESSION_CODES.closed,
        'SessionClosed:closed by closesession',
        false,
      );
      deps.onChange();
    },

    fail(session: SessionState, now: number, code: number, message: string): void {
      if (session.status === SESSION_STATUS.CLOSED || session.status === SESSION_STATUS.FAILED)
        return;
      endSession(session, now, SESSION_STATUS.FAILED, code, message, true);
      deps.onChange();
    },

    /** A `SEND_TEXT` from the drive command or the channel. Throws a `Refusal` when refused. */
    speakText(
      session: SessionState,
      reqId: string,
      text: string,
      interruptFirst: boolean,
      source: MockDrive['source'],
      now: number,
    ): void {
      if (session.lastTextAt !== undefined && now - session.lastTextAt < settings.textIntervalMs) {
        throw new Refusal(
          CODES.throttled,
          'RequestLimitExceeded.CommandTooFrequent',
          `SEND_TEXT ${now - session.lastTextAt} ms after the last one: at most one per ${settings.textIntervalMs} ms`,
        );
      }
      session.lastTextAt = now;
      session.lastActivityAt = now;
      if (interruptFirst) interrupt(session, now);
      const drive = newDrive(session, reqId, 'text', source, now);
      drive.text = text;
      drive.packets = 1;
      drive.final = true;
      const start = Math.max(now, session.busyUntil) + scale(SPEECH_LATENCY_MS);
      const end = start + speechMs(text);
      session.busyUntil = end;
      status(session, drive, 'WaitingTextStart');
      schedule(start, drive, () => status(session, drive, 'TextStart'));
      schedule(end, drive, () => status(session, drive, 'TextOver'));
      deps.onChange();
    },

    /** One `SEND_STREAMTEXT` chunk, already validated. */
    streamChunk(
      session: SessionState,
      drive: DriveState,
      text: string,
      isFinal: boolean,
      now: number,
    ): void {
      drive.packets += 1;
      drive.nextSeq += 1;
      drive.text += text;
      if (drive.packets === 1) {
        drive.speechStart = Math.max(now, session.busyUntil) + scale(SPEECH_LATENCY_MS);
        drive.speakUntil = drive.speechStart;
        status(session, drive, 'WaitingTextStart');
        schedule(drive.speechStart, drive, () => status(session, drive, 'TextStart'));
      }
      if (text.trim() !== '') {
        const ms = Math.max(scale(100), speechMs(text) - scale(PLAN_PADDING_MS));
        drive.speakUntil = Math.max(drive.speakUntil, now) + ms;
      }
      session.busyUntil = Math.max(session.busyUntil, drive.speakUntil);
      if (isFinal) {
        drive.final = true;
        status(session, drive, 'WaitingTextOver');
        schedule(Math.max(now, drive.speakUntil), drive, () => status(session, drive, 'TextOver'));
      }
      deps.onChange();
    },

    /** One `SEND_AUDIO` packet, already validated: `bytes` of PCM (0 in the final packet). */
    audioPacket(
      session: SessionState,
      drive: DriveState,
      bytes: number,
      isFinal: boolean,
      now: number,
    ): void {
      drive.packets += 1;
      drive.nextSeq += 1;
      drive.audio ??= { bytes: 0, durationMs: 0, firstAt: now };
      const audio = drive.audio;
      audio.bytes += bytes;
      audio.durationMs = audio.bytes / LIMITS.AUDIO_BYTES_PER_MS;
      if (drive.packets === 1) {
        drive.speechStart = Math.max(now, session.busyUntil);
        status(session, drive, 'WaitingAudioStart');
        schedule(drive.speechStart, drive, () => status(session, drive, 'AudioStart'));
      }
      drive.speakUntil = drive.speechStart + audio.durationMs;
      session.busyUntil = Math.max(session.busyUntil, drive.speakUntil);
      if (isFinal) {
        drive.final = true;
        audio.finalAt = now;
        if (audio.durationMs > 0) audio.realTimeFactor = (now - audio.firstAt) / audio.durationMs;
        status(session, drive, 'WaitingAudioOver');
        schedule(Math.max(now, drive.speakUntil), drive, () =>
          status(session, drive, 'AudioOver', { FinalType: 1 }),
        );
      }
      deps.onChange();
    },

    /** Attaches a new socket; an older one of the same session is closed (`replaced`). */
    attach(session: SessionState, sink: ChannelSink, now: number): Connection {
      const old = session.connection;
      if (old?.open) {
        old.open = false;
        old.sink.close(CHANNEL_CLOSE_CODES.REPLACED, 'replaced by a newer connection');
      }
      const connection: Connection = { sink, lastFrameAt: now, open: true };
      session.connection = connection;
      session.connections += 1;
      session.channelOpen = true;
      session.lastActivityAt = now;
      // docs/protocol.md §4: a reconnect gets the last 3 drive statuses again.
      for (const text of session.recent.values()) sink.send(text);
      deps.onChange();
      return connection;
    },

    detach(session: SessionState, connection: Connection): void {
      connection.open = false;
      if (session.connection === connection) {
        session.connection = undefined;
        session.channelOpen = false;
      }
      deps.onChange();
    },

    frameArrived(session: SessionState, connection: Connection, now: number): void {
      connection.lastFrameAt = now;
      session.lastActivityAt = now;
    },

    reset(): void {
      for (const session of sessions.values()) {
        if (session.connection?.open) session.connection.sink.terminate();
      }
      sessions.clear();
      events = [];
    },
  };
}

/** @internal */
export type SessionStore = ReturnType<typeof createSessionStore>;

/** A session's `statsession` payload. @internal */
export function statPayload(session: SessionState): Record<string, unknown> {
  // What the avatar is doing now: the oldest drive not yet over, else the last one.
  const speaking =
    session.drives.find(
      (d) => !d.aborted && !(FINAL_SPEAK_STATUSES as readonly string[]).includes(d.speakStatus),
    ) ?? session.drives.at(-1);
  return {
    SessionStatus: session.status satisfies SessionStatus,
    PlayStreamAddr: session.playStreamAddr,
    SpeakStatus: speaking?.speakStatus ?? 'Initial',
    IsSessionStarted: session.started,
    ErrorCode:
      session.status === SESSION_STATUS.CLOSED || session.status === SESSION_STATUS.FAILED
        ? (session.endCode ?? 0)
        : 0,
    ErrorMessage:
      session.status === SESSION_STATUS.CLOSED || session.status === SESSION_STATUS.FAILED
        ? (session.endMessage ?? '')
        : '',
  };
}

/** A session's row in the lists. @internal */
export function summary(session: SessionState): Record<string, unknown> {
  return {
    UserId: session.userId,
    SessionId: session.sessionId,
    SessionStatus: session.status,
    PlayStreamAddr: session.playStreamAddr,
    DriverType: session.driverType,
    IsSessionStarted: session.started,
  };
}
