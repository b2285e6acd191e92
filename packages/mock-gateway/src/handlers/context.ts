import type { Catalogue } from '../catalogue.js';
import type { SessionStore } from '../sessions/store.js';
import type { MockTask, TaskEngine } from '../tasks.js';
import type { CloningStore } from './cloning.js';
import type { FaceStore } from './faces.js';
import type { LiveRoomStore } from './live-rooms.js';

/** What a handler knows about the call. @internal */
export interface CallContext {
  readonly appkey: string;
  readonly requestId: string;
  /** Origin the request came through (`http://127.0.0.1:8787`); result URLs point there. */
  readonly origin: string;
  /** Gateway time, ms. */
  readonly now: number;
}

/** The gateway's state and settings, shared by handlers. @internal */
export interface Services {
  readonly engine: TaskEngine;
  /** Interactive sessions and the avatar's speech timeline. */
  readonly sessions: SessionStore;
  /** Live rooms (1240/112139–112144). */
  readonly liveRooms: LiveRoomStore;
  /** Cloning tasks (1240/105223, 96070, 105225). */
  readonly cloning: CloningStore;
  /** Face-detection tasks (1240/109990, 109991). */
  readonly faces: FaceStore;
  readonly catalogue: Catalogue;
  readonly avatarKeys: ReadonlySet<string>;
  readonly timbreKeys: ReadonlySet<string>;
  readonly blockedWords: readonly string[];
  readonly renderSpeed: number;
  /** A new video task id: 32 hex, or 16 digits with `numericTaskIds` (seeded). */
  readonly newTaskId: () => string;
  /** A new 32-hex id (seeded). */
  readonly newId: () => string;
  readonly numericTaskIds: boolean;
  /** The URL a task's result is served at. */
  readonly mediaUrl: (task: MockTask, kind: 'media' | 'subtitles') => string;
  /** Resolves a catalogue path (`/media/...`) against the caller's origin. */
  readonly absolute: (origin: string, path: string) => string;
}

/** One endpoint's behaviour: the payload has passed the operation table's `required` check. @internal */
export type Handler = (
  payload: Record<string, unknown>,
  context: CallContext,
  services: Services,
) => Record<string, unknown>;
