import { newRequestId } from '@tvs/envelope';
import { type CallRecord, createCallLog, urlFields } from './call-log.js';
import { createCallbacks } from './callbacks.js';
import { type Catalogue, defaultCatalogue } from './catalogue.js';
import { createClock, type GatewayClock } from './clock.js';
import { CODES } from './errors.js';
import { createFaults, type FaultControl, SimulatedNetworkError } from './faults.js';
import { createCloningStore } from './handlers/cloning.js';
import type { Services } from './handlers/context.js';
import { createFaceStore } from './handlers/faces.js';
import { createLiveRoomStore } from './handlers/live-rooms.js';
import { callbackPayload } from './handlers/task-progress.js';
import { createRandom, hexId } from './internal/prng.js';
import { resultFileName } from './media/results.js';
import { serveMedia } from './media/routes.js';
import { type MockGatewayOptions, resolveOptions } from './options.js';
import { createAuthenticator } from './pipeline/authenticate.js';
import { createPipeline } from './pipeline/handle-request.js';
import { createResponses } from './pipeline/responses.js';
import { buildRoutes } from './pipeline/routes.js';
import { createScheduler } from './scheduler.js';
import { createChannelHost } from './sessions/channel.js';
import { createSessionControl, type MockSessionControl } from './sessions/control.js';
import { createSessionStore } from './sessions/store.js';
import type { CommandChannelHost } from './sessions/types.js';
import { createTaskEngine, type MockTask } from './tasks.js';

/** What `listen` returns. */
export interface ListeningGateway {
  /** `http://127.0.0.1:<port>`: use it as the client's base URL. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/** A running mock gateway. */
export interface MockGateway {
  /**
   * The standard fetch handler: give it a `Request` (or `fetch`'s arguments) and get the
   * gateway's `Response`. Rejects with `SimulatedNetworkError` (a `TypeError`, as `fetch`
   * rejects on network errors) when a reset fault hits. Usable as a client's `fetch`.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Serves it over `node:http` on 127.0.0.1 (random port by default). Node only. */
  listen(port?: number): Promise<ListeningGateway>;
  /** The gateway clock: `clock.advance(ms)` makes tasks progress instantly. */
  readonly clock: GatewayClock;
  /** Faults on demand: `faults.next({ kind, path?, count? })`, `faults.clockSkewMs = …`. */
  readonly faults: FaultControl;
  /** Every call seen, oldest first (up to `maxCalls`). */
  readonly calls: readonly CallRecord[];
  /** Every task kept, in submission order. */
  readonly tasks: readonly MockTask[];
  /** The catalogue served by the asset endpoints. */
  readonly catalogue: Catalogue;
  /** Interactive sessions: inspect them, make one fail, drop its command-channel socket. */
  readonly sessions: MockSessionControl;
  /**
   * The command channel's host side for transport adapters: `authorize(url)` checks an upgrade
   * request, `connect(sessionId, sink)` attaches the accepted socket. `listen()` uses it with `ws`.
   */
  readonly commandChannel: CommandChannelHost;
  /** Forgets calls and tasks and clears faults (credentials, options and the clock stay). */
  reset(): void;
  /** Stops the render timer (real clock only); pending callbacks still complete. */
  close(): void;
}

/** The package's own Node adapter, loaded on demand so this module stays portable. */
const NODE_ADAPTER = '@tvs/mock-gateway/node';

/**
 * A faithful offline TVS gateway (docs/protocol.md): signed-URL authentication through
 * `verifySignedUrl`, the envelope and its error codes, request validation from
 * `@tvs/envelope`'s operation table, video/tts/PPT tasks rendering on a virtual clock with
 * served results, interactive sessions and their command channel, live rooms, cloning, face
 * detection, an asset catalogue, and seeded faults.
 *
 * @example
 * ```ts
 * import { createMockGateway } from '@tvs/mock-gateway';
 * const gateway = createMockGateway({
 *   credentials: [{ appkey: 'demo-appkey', accessToken: 'demo-token' }],
 *   now: () => Date.UTC(2025, 0, 1),
 * });
 * const { url, close } = await gateway.listen(); // or pass gateway.fetch as the client's fetch
 * ```
 */
export function createMockGateway(options: MockGatewayOptions): MockGateway {
  const settings = resolveOptions(options);
  const random = createRandom(options.seed);
  const faults = createFaults(options.faults, options.clockSkewMs, random);
  const catalogue = options.catalogue ?? defaultCatalogue();
  const callLog = createCallLog(settings.maxCalls);
  const clock = createClock(
    options.now,
    () => faults.clockSkewMs,
    async () => {
      scheduler.settle();
      await callbacks.settled();
    },
  );
  const scheduler = createScheduler({ now: clock.now, real: clock.real });
  const responses = createResponses(clock.wallClock);
  const authenticate = createAuthenticator(settings.tokens, clock.wallClock);
  const sessions = createSessionStore({
    scheduler,
    newId: () => hexId(random),
    options: options.sessions,
  });

  let taskCounter = 0;
  const services: Services = {
    sessions,
    liveRooms: createLiveRoomStore(),
    cloning: createCloningStore(),
    faces: createFaceStore(),
    engine: createTaskEngine({
      scheduler,
      now: clock.now,
      concurrency: settings.concurrency,
      onEnded: (task) => callbacks.deliver(task),
    }),
    catalogue,
    avatarKeys: new Set(catalogue.avatars.map((a) => a.VirtualmanKey)),
    timbreKeys: new Set(catalogue.timbres.map((t) => t.TimbreKey)),
    blockedWords: settings.blockedWords,
    renderSpeed: settings.renderSpeed,
    numericTaskIds: settings.numericTaskIds,
    newId: () => hexId(random),
    newTaskId: () => {
      taskCounter += 1;
      // 1 + 15 digits: stays a safe integer, so a JSON number round-trips exactly.
      return settings.numericTaskIds
        ? String(1e15 + Math.floor(random() * 1e12) * 1000 + (taskCounter % 1000))
        : hexId(random);
    },
    mediaUrl: (task, kind) =>
      `${task.origin}/media/tasks/${encodeURIComponent(task.taskId)}/${resultFileName(task, kind)}`,
    absolute: (origin, path) => `${origin}${path}`,
  };
  const callbacks = createCallbacks({
    now: clock.now,
    fetch: settings.callbackFetch,
    payload: (task) => callbackPayload(task, services),
    record: (task, delivery) => services.engine.record(task, delivery),
  });

  const handle = createPipeline({
    clock,
    faults,
    callLog,
    responses,
    routes: buildRoutes(),
    services,
    authenticate,
    media: (method, path) => serveMedia(method, path, services.engine, responses),
    settle: scheduler.settle,
  });

  const gateway: MockGateway = {
    async fetch(input, init) {
      const request =
        input instanceof Request && init === undefined ? input : new Request(input, init);
      try {
        return await handle(request);
      } catch (error) {
        // A dropped connection, or a stalled answer the caller gave up on, rejects as fetch does.
        if (error instanceof SimulatedNetworkError || request.signal.aborted) throw error;
        // A bug in the mock must not look like a hang: answer as the gateway's internal error.
        const message = `InternalError:${String((error as Error)?.message ?? error).slice(0, 200)}`;
        return responses.envelope(newRequestId(), CODES.internal, message, {}, { status: 500 });
      }
    },
    async listen(port) {
      const adapter: {
        listen: (gateway: MockGateway, port?: number) => Promise<ListeningGateway>;
      } = await import(/* @vite-ignore */ NODE_ADAPTER);
      return adapter.listen(gateway, port);
    },
    clock,
    faults,
    get calls() {
      return callLog.list;
    },
    get tasks() {
      scheduler.settle();
      return services.engine.list();
    },
    catalogue,
    sessions: createSessionControl(sessions, clock.now),
    commandChannel: createChannelHost({
      store: sessions,
      services,
      now: clock.now,
      authenticate,
      record: ({ url, httpStatus, code, message, authFailure }) =>
        callLog.record({
          at: clock.now(),
          method: 'GET',
          ...urlFields(url),
          requestId: url.searchParams.get('requestid') ?? '',
          httpStatus,
          code,
          verdict: code === 0 ? 'ok' : 'refused',
          ...(message !== undefined ? { message } : {}),
          ...(authFailure ? { authFailure } : {}),
        }),
    }),
    reset() {
      callLog.reset();
      sessions.reset();
      services.engine.reset();
      scheduler.reset();
      services.liveRooms.rooms.clear();
      services.cloning.tasks.clear();
      services.faces.clear();
      faults.clear();
    },
    close() {
      scheduler.stop();
    },
  };
  return gateway;
}
