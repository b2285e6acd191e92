import type { CreateSessionResponse, SessionStat } from '@tvs/envelope';
import type { CommandChannel, CommandChannelOptions } from '../command-channel/channel.js';
import type { ClientRequest, OperationCall } from '../operation-call.js';
import type { RequestOptions } from '../request-options.js';
import type { WaitReadyOptions } from './wait-ready.js';

/** What opens a session: `createsession` (a project) or `createsessionbyasset` (an avatar asset). */
export type OpenSessionRequest =
  | ClientRequest<'sessions.create'>
  | ClientRequest<'sessions.createByAsset'>;

/** Options of `client.sessions.open` and `client.sessions.run`. */
export interface OpenSessionOptions {
  /**
   * Aborts opening (the session, once created, is closed) and, in `run`, the session itself:
   * it is closed at once and `run` rejects with the signal's reason.
   */
  signal?: AbortSignal | undefined;
  /** How to wait for the session to be ready (poll interval, timeout). */
  waitReady?: Omit<WaitReadyOptions, 'signal'> | undefined;
  /** Command-channel options, or `false` not to open one (drive over HTTP then). */
  channel?: Omit<CommandChannelOptions, 'signal' | 'driverType'> | false | undefined;
}

/** A created, ready, started session with its command channel open. Close it (or let `run` / `await using` do it). */
export interface LiveSession {
  readonly sessionId: string;
  /** What `createsession` answered (`PlayStreamAddr` among it). */
  readonly created: CreateSessionResponse;
  /** The `statsession` state that found it ready. */
  readonly ready: SessionStat;
  /** The `DriverType` it was created with (1 text, 3 audio and text). */
  readonly driverType: 1 | 3;
  /** The open command channel. @throws TypeError when opened with `channel: false`. */
  readonly channel: CommandChannel;
  /** Aborts when the session starts closing: hand it to your own work. */
  readonly signal: AbortSignal;
  /** Closes the channel, then the session (`closesession`, freeing the slot). Idempotent. */
  close(): Promise<void>;
  /** `await using session = await client.sessions.open(…)` closes it at the end of the block. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** What the lifecycle needs from the client. @internal */
export interface LifecycleDeps {
  readonly create: OperationCall<'sessions.create'>;
  readonly createByAsset: OperationCall<'sessions.createByAsset'>;
  readonly start: OperationCall<'sessions.start'>;
  readonly close: OperationCall<'sessions.close'>;
  readonly waitReady: (sessionId: string, options: WaitReadyOptions) => Promise<SessionStat>;
  readonly commandChannel: (sessionId: string, options: CommandChannelOptions) => CommandChannel;
}

/** `Symbol.asyncDispose`, where the runtime has it (Node 20.4+, Deno, Bun, current browsers). */
const asyncDispose: symbol =
  (Symbol as { asyncDispose?: symbol }).asyncDispose ?? Symbol.for('Symbol.asyncDispose');

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Creates a session, waits until it is ready, starts it and opens its command channel. Any
 * failure or abort after the session exists closes it before rejecting, so no concurrency slot
 * is left behind. @internal
 */
export async function openSession(
  deps: LifecycleDeps,
  request: OpenSessionRequest,
  options: OpenSessionOptions = {},
): Promise<LiveSession> {
  if (request === null || typeof request !== 'object') {
    throw new TypeError('sessions.open: request must be an object');
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError('sessions.open: options must be an object');
  }
  // Required by the pages (1211/62102, 62103): no default is invented here.
  const driverType = request.DriverType;
  if (driverType !== 1 && driverType !== 3) {
    throw new TypeError('sessions.open: DriverType must be 1 (text) or 3 (audio and text)');
  }
  const { signal } = options;
  signal?.throwIfAborted();
  const calls: RequestOptions = { signal };
  const created =
    'AssetVirtualmanKey' in request
      ? await deps.createByAsset(request as ClientRequest<'sessions.createByAsset'>, calls)
      : await deps.create(request as ClientRequest<'sessions.create'>, calls);
  const sessionId = created.SessionId;
  const controller = new AbortController();
  let channel: CommandChannel | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      controller.abort(new Error(`session ${sessionId} is closing`));
      try {
        await channel?.close();
      } finally {
        // Never with the caller's signal: closing must happen even after an abort.
        await deps.close({ SessionId: sessionId });
      }
    })();
    return closing;
  };
  try {
    const ready = await deps.waitReady(sessionId, { ...options.waitReady, signal });
    await deps.start({ SessionId: sessionId }, calls);
    if (options.channel !== false) {
      channel = deps.commandChannel(sessionId, {
        ...options.channel,
        driverType,
        signal: controller.signal,
      });
      await abortable(channel.opened(), signal);
    }
    return {
      sessionId,
      created,
      ready,
      driverType,
      get channel(): CommandChannel {
        if (!channel) throw new TypeError(`session ${sessionId} was opened with channel: false`);
        return channel;
      },
      signal: controller.signal,
      close,
      [asyncDispose]: close,
    } as unknown as LiveSession;
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/**
 * Runs `work` with a live session and always closes it: on return, on throw, and on abort
 * (then at once, without waiting for `work`). Resolves with what `work` returns; rejects with
 * its error (a failure to close is then dropped), or with the close failure when `work`
 * succeeded. @internal
 */
export async function runSession<T>(
  deps: LifecycleDeps,
  request: OpenSessionRequest,
  work: (session: LiveSession) => T | Promise<T>,
  options: OpenSessionOptions = {},
): Promise<T> {
  if (typeof work !== 'function') {
    throw new TypeError('sessions.run: work must be a function (session) => …');
  }
  const session = await openSession(deps, request, options);
  const { signal } = options;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      reject(signal!.reason);
      void session.close().catch(() => {});
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  let result: T;
  try {
    result = await Promise.race([Promise.resolve().then(() => work(session)), aborted]);
  } catch (error) {
    await session.close().catch(() => {});
    throw error;
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
  await session.close();
  return result;
}
