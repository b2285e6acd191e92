import { CHANNEL_CLOSE_CODES, DOWNLINK_TYPE, SESSION_STATUS } from '@tvs/envelope';
import { Refusal } from '../errors.js';
import type { Scheduler } from '../scheduler.js';
import type { Connections } from './connections.js';
import { SESSION_CODES, type SessionSettings } from './settings.js';
import type { NewSession, SessionRecord } from './state.js';
import type { SpeechTimeline } from './timeline.js';

/** Closed sessions kept for `statsession` at most. */
const MAX_ENDED = 1000;

/** @internal */
export interface LifecycleDeps {
  readonly scheduler: Scheduler;
  readonly settings: SessionSettings;
  readonly newId: () => string;
  readonly connections: Connections;
  readonly timeline: SpeechTimeline;
}

/**
 * Preparing and ready sessions count against the quota. A failed one (status 4, 创建会话失败 on
 * 1240/100389) does not: no page says it holds a slot, and closing is what 释放并发 (1240/100391).
 */
const holdsSlot = (s: SessionRecord) =>
  s.status === SESSION_STATUS.PREPARING || s.status === SESSION_STATUS.READY;
const idles = (s: SessionRecord) =>
  s.status === SESSION_STATUS.READY || s.status === SESSION_STATUS.FAILED;

/**
 * Sessions from creation to the end: preparing → ready → started → closed or failed, the
 * per-appkey concurrency quota, the same-UserId takeover, and the idle timeout, on the
 * gateway's event queue.
 * @internal
 */
export function createLifecycle(deps: LifecycleDeps) {
  const { scheduler, settings, connections, timeline } = deps;
  const sessions = new Map<string, SessionRecord>();

  function end(
    session: SessionRecord,
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
    timeline.silence(session);
    if (notify && session.connection?.open) {
      timeline.emit(session, {
        Type: DOWNLINK_TYPE.DRIVE_FAILED,
        // ReqId is required (1240/100401); this message is about no drive.
        ReqId: '',
        SpeakStatus: 'Error',
        Code: code,
        Message: message,
      });
    }
    connections.closeSocket(
      session,
      CHANNEL_CLOSE_CODES.SESSION_ENDED,
      `${code} ${message}`.slice(0, 120),
    );
    if (newStatus === SESSION_STATUS.FAILED) watchIdle(session);
  }

  /**
   * A session nobody drives for `sessionIdleMs` closes (110013); activity since the check was
   * queued moves it on. Only ready and failed sessions idle out.
   */
  function watchIdle(session: SessionRecord): void {
    if (session.idleWatched) return;
    session.idleWatched = true;
    // At the deadline, even one already past: the queue then runs it next, in time order.
    const at = session.lastActivityAt + settings.sessionIdleMs;
    scheduler.schedule(at, () => {
      session.idleWatched = false;
      if (!idles(session)) return;
      const deadline = session.lastActivityAt + settings.sessionIdleMs;
      if (deadline > at) {
        watchIdle(session);
        return;
      }
      end(
        session,
        at,
        SESSION_STATUS.CLOSED,
        SESSION_CODES.closed,
        'SessionClosed.Idle:no drive command for 10 minutes',
        true,
      );
    });
  }

  /** The refusal for using a session that is not started and running. */
  function requireRunning(session: SessionRecord): void {
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

  return {
    sessions,
    end,

    create(fields: NewSession, now: number): SessionRecord {
      scheduler.settle();
      // The same UserId takes over: the old session closes (110022), freeing its slot. A failed
      // one holds none and keeps its own ErrorCode.
      for (const old of sessions.values()) {
        if (old.appkey === fields.appkey && old.userId === fields.userId && holdsSlot(old)) {
          end(
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
      const ready = settings.prepareMs === 0;
      const session: SessionRecord = {
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
        status: ready ? SESSION_STATUS.READY : SESSION_STATUS.PREPARING,
        started: false,
        createdAt: now,
        readyAt: now + settings.prepareMs,
        playStreamAddr: `${fields.protocol}://${fields.host}/live/${sessionId}`,
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
        idleWatched: false,
      };
      sessions.set(sessionId, session);
      if (ready) {
        watchIdle(session);
      } else {
        scheduler.schedule(session.readyAt, () => {
          if (session.status !== SESSION_STATUS.PREPARING) return;
          session.status = SESSION_STATUS.READY;
          watchIdle(session);
        });
      }
      forgetEnded();
      return session;
    },

    /** The caller's session of this id, settled to now; 110018 when it has none. */
    find(appkey: string, sessionId: string): SessionRecord {
      scheduler.settle();
      const session = sessions.get(sessionId);
      if (!session || session.appkey !== appkey) {
        throw new Refusal(
          SESSION_CODES.notFound,
          'ResourceNotFound.Session',
          `session ${JSON.stringify(sessionId.slice(0, 64))} does not exist`,
        );
      }
      return session;
    },

    requireRunning,

    start(session: SessionRecord, now: number): void {
      if (session.status !== SESSION_STATUS.READY) requireRunning(session);
      if (!session.started) {
        session.started = true;
        session.startedAt = now;
      }
      session.lastActivityAt = now;
    },

    close(session: SessionRecord, now: number): void {
      end(
        session,
        now,
        SESSION_STATUS.CLOSED,
        SESSION_CODES.closed,
        'SessionClosed:closed by closesession',
        false,
      );
    },

    fail(session: SessionRecord, now: number, code: number, message: string): void {
      if (session.status === SESSION_STATUS.CLOSED || session.status === SESSION_STATUS.FAILED)
        return;
      end(session, now, SESSION_STATUS.FAILED, code, message, true);
    },

    reset(): void {
      connections.terminateAll(sessions.values());
      sessions.clear();
    },
  };
}

/** @internal */
export type Lifecycle = ReturnType<typeof createLifecycle>;
