import { CHANNEL_CLOSE_CODES } from '@tvs/envelope';
import type { Scheduler } from '../scheduler.js';
import type { SessionSettings } from './settings.js';
import type { Connection, SessionRecord } from './state.js';
import type { ChannelSink } from './types.js';

/** Drive statuses a reconnect receives again (docs/protocol.md §4). */
const REPLAYED_STATUSES = 3;

/** @internal */
export interface ConnectionDeps {
  readonly scheduler: Scheduler;
  readonly settings: SessionSettings;
}

/**
 * The command-channel sockets of the sessions: one open socket per session (a newer one
 * replaces an older one, close 4002), a reconnect gets the last statuses of the recent drives
 * again, and a socket without uplink frames or downlink messages for `socketIdleMs` closes
 * (4000): the page closes a connection with 无有效上下行数据 (1240/108576).
 * @internal
 */
export function createConnections(deps: ConnectionDeps) {
  const { scheduler, settings } = deps;

  function drop(session: SessionRecord, connection: Connection): void {
    connection.open = false;
    if (session.connection === connection) {
      session.connection = undefined;
      session.channelOpen = false;
    }
  }

  /** Closes an idle socket at its deadline; a frame either way since moves the deadline on. */
  function watchIdle(session: SessionRecord, connection: Connection): void {
    const at = connection.lastFrameAt + settings.socketIdleMs;
    scheduler.schedule(
      at,
      () => {
        if (!connection.open) return;
        if (connection.lastFrameAt + settings.socketIdleMs > at) {
          watchIdle(session, connection);
          return;
        }
        drop(session, connection);
        connection.sink.close(CHANNEL_CLOSE_CODES.IDLE, 'idle: no data either way for too long');
      },
      connection,
    );
  }

  return {
    /** Sends a downlink message to the session's open socket, if it has one (it is traffic). */
    send(session: SessionRecord, text: string): void {
      const connection = session.connection;
      if (!connection?.open) return;
      connection.lastFrameAt = scheduler.time();
      connection.sink.send(text);
    },

    /** Remembers a drive's latest status message, for reconnects. */
    remember(session: SessionRecord, reqId: string, text: string): void {
      session.recent.delete(reqId);
      session.recent.set(reqId, text);
      if (session.recent.size > REPLAYED_STATUSES) {
        session.recent.delete(session.recent.keys().next().value!);
      }
    },

    /** Attaches a new socket; an older one of the same session is closed (`replaced`). */
    attach(session: SessionRecord, sink: ChannelSink, now: number): Connection {
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
      for (const text of session.recent.values()) sink.send(text);
      watchIdle(session, connection);
      return connection;
    },

    /** The transport closed (either side). */
    detach(session: SessionRecord, connection: Connection): void {
      drop(session, connection);
      scheduler.cancel(connection);
    },

    /** An uplink frame arrived: the socket and the session are active. */
    frameArrived(session: SessionRecord, connection: Connection, now: number): void {
      connection.lastFrameAt = now;
      session.lastActivityAt = now;
    },

    /** Closes the session's open socket with a code and reason (the session ended). */
    closeSocket(session: SessionRecord, code: number, reason: string): void {
      const connection = session.connection;
      session.channelOpen = false;
      session.connection = undefined;
      if (!connection?.open) return;
      connection.open = false;
      scheduler.cancel(connection);
      connection.sink.close(code, reason);
    },

    /** Drops every socket abruptly (the gateway is reset). */
    terminateAll(sessions: Iterable<SessionRecord>): void {
      for (const session of sessions) {
        if (session.connection?.open) session.connection.sink.terminate();
      }
    },
  };
}

/** @internal */
export type Connections = ReturnType<typeof createConnections>;
