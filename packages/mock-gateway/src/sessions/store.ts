import type { Scheduler } from '../scheduler.js';
import { createConnections } from './connections.js';
import { createLifecycle } from './lifecycle.js';
import { sessionSettings } from './settings.js';
import { createSpeechTimeline } from './timeline.js';
import type { MockSessionOptions } from './types.js';

/** @internal */
export interface SessionStoreDeps {
  readonly scheduler: Scheduler;
  /** A new SessionId (32 hex, seeded). */
  readonly newId: () => string;
  readonly options: MockSessionOptions | undefined;
}

/**
 * Interactive sessions on the gateway's event queue, in three parts: the lifecycle
 * (lifecycle.ts: states, quota, takeover, idle timeout), the avatar's speech timeline
 * (timeline.ts: drives and their status messages) and the command-channel sockets
 * (connections.ts). This is what the endpoints and the channel host use of them.
 * @internal
 */
export function createSessionStore(deps: SessionStoreDeps) {
  const { scheduler } = deps;
  const settings = sessionSettings(deps.options);
  const connections = createConnections({ scheduler, settings });
  const timeline = createSpeechTimeline({ scheduler, settings, connections });
  const lifecycle = createLifecycle({
    scheduler,
    settings,
    newId: deps.newId,
    connections,
    timeline,
  });
  return {
    settings,
    sessions: lifecycle.sessions,
    /** Runs every event due by now. */
    settle: scheduler.settle,
    create: lifecycle.create,
    find: lifecycle.find,
    requireRunning: lifecycle.requireRunning,
    start: lifecycle.start,
    close: lifecycle.close,
    fail: lifecycle.fail,
    reset: lifecycle.reset,
    newDrive: timeline.newDrive,
    speakText: timeline.speakText,
    streamChunk: timeline.streamChunk,
    audioPacket: timeline.audioPacket,
    interrupt: timeline.interrupt,
    driveFailed: timeline.driveFailed,
    attach: connections.attach,
    detach: connections.detach,
    frameArrived: connections.frameArrived,
  };
}

/** @internal */
export type SessionStore = ReturnType<typeof createSessionStore>;
