import type { SessionStat } from '@tvs/envelope';
import type { ApiPromise } from '../api-promise.js';
import type { CommandChannel, CommandChannelOptions } from '../command-channel/channel.js';
import type { BindOperation, OperationCall } from '../operation-call.js';
import type { Poller } from '../poller.js';
import {
  type LiveSession,
  type OpenSessionOptions,
  type OpenSessionRequest,
  openSession,
  runSession,
} from '../sessions/lifecycle.js';
import { type WaitReadyOptions, waitReady } from '../sessions/wait-ready.js';

/** Interactive sessions (`sessionmanager`), without the driving. `ReqId` is generated when left out. */
export interface SessionsApi {
  /**
   * Creates a session for a project. Not idempotent.
   * @example
   * ```ts
   * const { SessionId } = await client.sessions.create({ VirtualmanProjectId: id, UserId: 'u1', Protocol: 'webrtc', DriverType: 1 });
   * ```
   */
  create: OperationCall<'sessions.create'>;
  /**
   * Creates a session for an asset avatar. Not idempotent.
   * @example
   * ```ts
   * const { SessionId } = await client.sessions.createByAsset({ AssetVirtualmanKey: key, UserId: 'u1', Protocol: 'rtmp', DriverType: 1 });
   * ```
   */
  createByAsset: OperationCall<'sessions.createByAsset'>;
  /**
   * Reads a session's state.
   * @example
   * ```ts
   * const { SessionStatus } = await client.sessions.stat({ SessionId });
   * ```
   */
  stat: OperationCall<'sessions.stat'>;
  /**
   * Starts the stream of a ready session.
   * @example
   * ```ts
   * await client.sessions.start({ SessionId });
   * ```
   */
  start: OperationCall<'sessions.start'>;
  /**
   * Closes a session and frees its concurrency slot.
   * @example
   * ```ts
   * await client.sessions.close({ SessionId });
   * ```
   */
  close: OperationCall<'sessions.close'>;
  /**
   * The account's sessions.
   * @example
   * ```ts
   * const { Sessions } = await client.sessions.list({});
   * ```
   */
  list: OperationCall<'sessions.list'>;
  /**
   * The sessions of a project.
   * @example
   * ```ts
   * const { Sessions } = await client.sessions.listByProject({ VirtualmanProjectId: id });
   * ```
   */
  listByProject: OperationCall<'sessions.listByProject'>;
  /**
   * The sessions of an asset avatar.
   * @example
   * ```ts
   * const { Sessions } = await client.sessions.listByAsset({ AssetVirtualmanKey: key });
   * ```
   */
  listByAsset: OperationCall<'sessions.listByAsset'>;
  /**
   * Polls `statsession` until the session is ready (status 1) and resolves with its state;
   * rejects with `TvsSessionError` when it failed (4) or closed (2), `TvsTimeoutError` after
   * `timeout` (default 2 minutes).
   * @example
   * ```ts
   * const { PlayStreamAddr } = await client.sessions.waitReady(SessionId);
   * ```
   */
  waitReady(sessionId: string, options?: WaitReadyOptions): ApiPromise<SessionStat>;
  /**
   * Creates a session (by project, or by asset when the request has `AssetVirtualmanKey`),
   * waits until it is ready, starts it and opens its command channel. A failure or abort on the
   * way closes it. Close it yourself, or with `await using`.
   * @example
   * ```ts
   * await using session = await client.sessions.open({ VirtualmanProjectId: id, UserId: 'u1', Protocol: 'webrtc', DriverType: 1 });
   * await session.channel.sendText('Hello!');
   * ```
   */
  open(request: OpenSessionRequest, options?: OpenSessionOptions): Promise<LiveSession>;
  /**
   * Runs `work` with a live session (as {@link SessionsApi.open}) and always closes it after:
   * on return, on throw, and at once on abort. A forgotten `closesession` cannot leak a slot.
   * @example
   * ```ts
   * await client.sessions.run({ VirtualmanProjectId: id, UserId: 'u1', Protocol: 'webrtc', DriverType: 1 }, async (session) => {
   *   const drive = await session.channel.sendText('Hello!');
   *   await drive.finished();
   * });
   * ```
   */
  run<T>(
    request: OpenSessionRequest,
    work: (session: LiveSession) => T | Promise<T>,
    options?: OpenSessionOptions,
  ): Promise<T>;
}

/** @internal */
export function createSessionsApi(
  op: BindOperation,
  poller: Poller,
  commandChannel: (sessionId: string, options?: CommandChannelOptions) => CommandChannel,
): SessionsApi {
  const stat = op('sessions.stat');
  const ready = (sessionId: string, options?: WaitReadyOptions) =>
    waitReady(poller, stat, sessionId, options);
  const api = {
    create: op('sessions.create'),
    createByAsset: op('sessions.createByAsset'),
    stat,
    start: op('sessions.start'),
    close: op('sessions.close'),
    list: op('sessions.list'),
    listByProject: op('sessions.listByProject'),
    listByAsset: op('sessions.listByAsset'),
    waitReady: ready,
  };
  const lifecycle = { ...api, commandChannel };
  return {
    ...api,
    open: (request, options) => openSession(lifecycle, request, options),
    run: (request, work, options) => runSession(lifecycle, request, work, options),
  };
}
