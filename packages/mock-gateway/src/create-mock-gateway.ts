import { LIMITS, newRequestId, TvsEnvelopeError } from '@tvs/envelope';
import { decodeRequest, refuseRequest } from '@tvs/envelope/server';
import { type VerifyFailureReason, verifySignedUrl } from '@tvs/signer';
import { type CallRecord, createCallLog, urlFields } from './call-log.js';
import { type Catalogue, defaultCatalogue } from './catalogue.js';
import { createClock, type GatewayClock, type Now } from './clock.js';
import { CODES, methodNotAllowed, Refusal } from './errors.js';
import { cutBody, stalledAnswer, stalledBody } from './fault-bodies.js';
import {
  createFaults,
  type FaultControl,
  type FaultRule,
  SimulatedNetworkError,
} from './faults.js';
import { createCloningStore } from './handlers/cloning.js';
import type { CallContext, Services } from './handlers/context.js';
import { createLiveRoomStore } from './handlers/live-rooms.js';
import { callbackPayload } from './handlers/video.js';
import { type MediaBody, resultFile, resultFileName, sample } from './media.js';
import { createRandom } from './prng.js';
import { createResponses, envelopeBytes, messageForCode } from './responses.js';
import { buildRoutes } from './routes.js';
import { createChannelHost } from './sessions/channel.js';
import { createSessionControl, type MockSessionControl } from './sessions/control.js';
import { createSessionStore } from './sessions/store.js';
import type { CommandChannelHost, MockSessionOptions } from './sessions/types.js';
import { createTaskEngine, type MockTask } from './tasks.js';

/** An account the gateway accepts. */
export interface MockCredentials {
  readonly appkey: string;
  readonly accessToken: string;
}

/** Options of {@link createMockGateway}. */
export interface MockGatewayOptions {
  /** The accounts the gateway accepts (at least one). */
  readonly credentials: readonly MockCredentials[];
  /**
   * The gateway's base clock (`Date.now`-compatible). When given, time only moves when this
   * clock does or through `gateway.clock.advance(ms)`, and tasks end when a request or
   * `advance` observes it: fully deterministic. Default: `Date.now`, tasks end on timers.
   */
  readonly now?: Now;
  /** Rendering speed multiplier (default 1: a short text takes a few seconds). */
  readonly renderSpeed?: number;
  /** Tasks rendering at once per appkey and lane (default 2); PPT videos always render one at a time. */
  readonly concurrency?: number;
  /** Standing fault rules, each hitting a request with its `probability` (see `FaultRule`). */
  readonly faults?: readonly FaultRule[];
  /** Seed of the PRNG behind probabilistic faults and task ids: same seed, same run. */
  readonly seed?: number;
  /** How far the gateway's clock is off, ms (changeable later through `faults.clockSkewMs`). */
  readonly clockSkewMs?: number;
  /** Words that fail content review (task `FAIL`, `FailCode` 801005); case-insensitive. */
  readonly blockedWords?: readonly string[];
  /** Send `TaskId`s as JSON numbers, as some of the gateway's examples do (default: strings). */
  readonly numericTaskIds?: boolean;
  /** Delivers task callbacks (default `globalThis.fetch`). */
  readonly callbackFetch?: (request: Request) => Promise<Response>;
  /** The catalogue of avatars, timbres and anchors (default: the built-in one). */
  readonly catalogue?: Catalogue;
  /** Most calls kept in `calls` (default 5000; the oldest go first). */
  readonly maxCalls?: number;
  /** Interactive sessions: quota, preparation time, idle timeouts, speech speed, pacing. */
  readonly sessions?: MockSessionOptions;
}

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
const MAX_BODY = LIMITS.REQUEST_BODY_BYTES;
const DEFAULT_BLOCKED = ['blockedword', '违禁词'];

const authText: Record<VerifyFailureReason, [string, string]> = {
  'malformed-url': ['AuthFailure.MalformedUrl', 'the request URL cannot be parsed'],
  'missing-parameter': ['AuthFailure.MissingParameter', 'missing query parameter'],
  'duplicate-parameter': ['AuthFailure.DuplicateParameter', 'query parameter given more than once'],
  'malformed-timestamp': ['AuthFailure.InvalidTimestamp', 'timestamp must be Unix seconds'],
  expired: [
    'AuthFailure.SignatureExpire',
    'timestamp is more than 300 s away from the gateway clock',
  ],
  'unknown-appkey': ['AuthFailure.InvalidAppkey', 'appkey is not known'],
  'bad-signature': ['AuthFailure.SignatureFailure', 'signature does not match'],
};

function checkOptions(options: MockGatewayOptions): void {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('createMockGateway: options are required');
  }
  const { credentials, renderSpeed, concurrency, maxCalls } = options;
  if (!Array.isArray(credentials) || credentials.length === 0) {
    throw new TypeError('createMockGateway: credentials must be a non-empty array');
  }
  for (const entry of credentials) {
    if (
      !entry ||
      typeof entry.appkey !== 'string' ||
      !entry.appkey ||
      typeof entry.accessToken !== 'string' ||
      !entry.accessToken
    ) {
      throw new TypeError(
        'createMockGateway: each credential needs a non-empty appkey and accessToken',
      );
    }
  }
  if (
    renderSpeed !== undefined &&
    !(typeof renderSpeed === 'number' && renderSpeed > 0 && Number.isFinite(renderSpeed))
  ) {
    throw new TypeError('createMockGateway: renderSpeed must be a positive number');
  }
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    throw new TypeError('createMockGateway: concurrency must be a positive integer');
  }
  if (maxCalls !== undefined && !(Number.isInteger(maxCalls) && maxCalls >= 0)) {
    throw new TypeError('createMockGateway: maxCalls must be a non-negative integer');
  }
}

/** The caller's `Header.RequestID` if the body has a usable one. */
function callerRequestId(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    const header = (value as { Header?: { RequestID?: unknown } } | null)?.Header;
    const id = header && typeof header === 'object' ? header.RequestID : undefined;
    return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined;
  } catch {
    return undefined;
  }
}

async function readLimited(request: Request): Promise<Uint8Array | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY) {
    await request.body?.cancel().catch(() => {});
    return 'too-large';
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY) {
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Whether every percent escape of a path decodes (to UTF-8). */
const decodable = (path: string): boolean => {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A faithful offline TVS gateway (docs/protocol.md): signed-URL authentication through
 * `verifySignedUrl`, the envelope and its error codes, request validation from
 * `@tvs/envelope`'s operation table, video/tts/PPT tasks rendering on a virtual clock with
 * served results, an asset catalogue, and seeded faults.
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
  checkOptions(options);
  const tokens = new Map(options.credentials.map((c) => [c.appkey, c.accessToken]));
  const random = createRandom(options.seed);
  const faults = createFaults(options.faults, options.clockSkewMs, random);
  const catalogue = options.catalogue ?? defaultCatalogue();
  const routes = buildRoutes();
  const maxCalls = options.maxCalls ?? 5000;
  const callbackFetch = options.callbackFetch ?? ((request: Request) => globalThis.fetch(request));
  const callLog = createCallLog(maxCalls);
  let taskCounter = 0;
  const pending = new Set<Promise<void>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const clock = createClock(
    options.now,
    () => faults.clockSkewMs,
    async () => {
      settle();
      await Promise.all(pending);
    },
  );

  const sessions = createSessionStore({
    now: clock.now,
    options: options.sessions,
    newId: () => {
      let id = '';
      for (let i = 0; i < 4; i++)
        id += Math.floor(random() * 2 ** 32)
          .toString(16)
          .padStart(8, '0');
      return id;
    },
    onChange: () => arm(),
  });

  const services: Services = {
    sessions,
    liveRooms: createLiveRoomStore(),
    cloning: createCloningStore(),
    engine: createTaskEngine({
      now: clock.now,
      concurrency: options.concurrency ?? 2,
      onEnded: (task) => deliverCallback(task),
    }),
    catalogue,
    avatarKeys: new Set(catalogue.avatars.map((a) => a.VirtualmanKey)),
    timbreKeys: new Set(catalogue.timbres.map((t) => t.TimbreKey)),
    blockedWords: options.blockedWords ?? DEFAULT_BLOCKED,
    renderSpeed: options.renderSpeed ?? 1,
    numericTaskIds: options.numericTaskIds ?? false,
    newTaskId: () => {
      taskCounter += 1;
      if (options.numericTaskIds) {
        // 1 + 15 digits: stays a safe integer, so a JSON number round-trips exactly.
        return String(1e15 + Math.floor(random() * 1e12) * 1000 + (taskCounter % 1000));
      }
      let id = '';
      for (let i = 0; i < 4; i++)
        id += Math.floor(random() * 2 ** 32)
          .toString(16)
          .padStart(8, '0');
      return id;
    },
    mediaUrl: (task, kind) =>
      `${task.origin}/media/tasks/${encodeURIComponent(task.taskId)}/${resultFileName(task, kind)}`,
    absolute: (origin, path) => `${origin}${path}`,
  };

  function deliverCallback(task: MockTask): void {
    if (!task.callbackUrl) return;
    const at = clock.now();
    // Exactly the documented body (附录二, 1240/81279): a Payload of six fields, no Header.
    const body = JSON.stringify({ Payload: callbackPayload(task, services) });
    const delivery = (async () => {
      try {
        const response = await callbackFetch(
          new Request(task.callbackUrl!, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json;charset=utf-8' },
            body,
          }),
        );
        await response.body?.cancel().catch(() => {});
        services.engine.record(task, { at, status: response.status });
      } catch (error) {
        services.engine.record(task, { at, error: String((error as Error)?.message ?? error) });
      }
    })();
    pending.add(delivery);
    void delivery.finally(() => pending.delete(delivery));
  }

  /** Replays task progress up to now, and (on the real clock) wakes up for the next end. */
  function settle(): void {
    services.engine.settle();
    sessions.settle(clock.now());
    arm();
  }

  /** On the real clock, wakes up for the next task end or session event. */
  function arm(): void {
    if (!clock.real || closed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const times = [services.engine.nextEventAt(), sessions.nextEventAt()].filter(
      (t) => t !== undefined,
    );
    if (times.length === 0) return;
    const next = Math.min(...times);
    timer = setTimeout(settle, Math.max(0, next - clock.now()) + 1);
    (timer as { unref?: () => void }).unref?.();
  }

  const record = callLog.record;

  const responses = createResponses(clock.wallClock);

  /** GET/HEAD under `/media/`: task results and catalogue samples, unsigned like COS URLs. */
  function serveMedia(method: string, path: string): Response | undefined {
    const taskFile = /^\/media\/tasks\/([^/]+)\/([^/]+)$/.exec(path);
    let media: MediaBody | undefined;
    if (taskFile) {
      const task = services.engine.find(decodeURIComponent(taskFile[1]!));
      media = task && resultFile(task, taskFile[2]!);
    } else if (/^\/media\/avatars\/[0-9a-f]{32}\.jpg$/.test(path)) {
      media = sample('jpg');
    } else if (/^\/media\/timbres\/[\w-]+\.mp3$/.test(path)) {
      media = sample('mp3');
    }
    if (!media) return undefined;
    return responses.media(method, media);
  }

  async function handle(request: Request): Promise<Response> {
    const at = clock.now();
    // A Request's URL always parses: the Request constructor checked it.
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method;
    const query = url.searchParams;
    settle();

    // A path with a malformed percent escape (`%zz`, a lone `%`, bytes that are not UTF-8) is
    // refused as bad HTTP, before faults or routes see it.
    if (!decodable(path)) {
      const refusal = new Refusal(
        CODES.invalidParameter,
        'InvalidParameter.Path',
        'the path has a malformed percent escape',
        { httpStatus: 400 },
      );
      const requestId = newRequestId();
      record({
        at,
        method,
        ...urlFields(url),
        requestId,
        httpStatus: 400,
        code: refusal.code,
        message: refusal.message,
        verdict: 'refused',
      });
      await request.body?.cancel().catch(() => {});
      return responses.envelope(requestId, refusal.code, refusal.message, {}, { status: 400 });
    }

    // Faults in front of the gateway: latency, a dropped connection, a load balancer error.
    const chosen = faults.choose(path);
    const base = {
      at,
      method,
      ...urlFields(url),
      ...(chosen.latencyMs > 0 ? { latencyMs: chosen.latencyMs } : {}),
    };
    if (chosen.latencyMs > 0) await sleep(chosen.latencyMs);
    const fault = chosen.fault;
    if (fault?.kind === 'reset-before') {
      await request.body?.cancel().catch(() => {});
      record({ ...base, requestId: '', httpStatus: 0, verdict: 'fault', fault: fault.kind });
      throw new SimulatedNetworkError(false);
    }
    if (fault?.kind === 'http-error') {
      await request.body?.cancel().catch(() => {});
      const status = fault.httpStatus ?? 502;
      const title = status === 503 ? '503 Service Temporarily Unavailable' : '502 Bad Gateway';
      record({ ...base, requestId: '', httpStatus: status, verdict: 'fault', fault: fault.kind });
      return responses.text(
        status,
        `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>stgw</center>\r\n</body>\r\n</html>\r\n`,
        'text/html',
      );
    }

    if ((method === 'GET' || method === 'HEAD') && path.startsWith('/media/')) {
      const media = serveMedia(method, path);
      const status = media ? 200 : 404;
      record({ ...base, requestId: '', httpStatus: status, verdict: media ? 'ok' : 'refused' });
      return media ?? responses.text(404, 'Not Found');
    }

    const bytes = await readLimited(request);
    let text: string | undefined;
    if (bytes !== 'too-large') {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = undefined;
      }
    }
    const requestId = callerRequestId(text) ?? newRequestId();
    const refuse = (refusal: Refusal, extra: Partial<CallRecord> = {}): Response => {
      record({
        ...base,
        requestId,
        httpStatus: refusal.httpStatus,
        code: refusal.code,
        message: refusal.message,
        verdict: fault ? 'fault' : 'refused',
        ...(fault ? { fault: fault.kind } : {}),
        ...extra,
      });
      return responses.envelope(
        requestId,
        refusal.code,
        refusal.message,
        {},
        {
          status: refusal.httpStatus,
          headers: refusal.headers,
        },
      );
    };

    /** An `api-error` fault's answer: any code, in the gateway's `Class:text` style. */
    const apiError = (rule: FaultRule): Response => {
      const code = rule.code ?? CODES.internal;
      const message = messageForCode(code);
      const status = rule.status ?? 200;
      record({
        ...base,
        requestId,
        httpStatus: status,
        code,
        message,
        verdict: 'fault',
        fault: rule.kind,
      });
      return responses.envelope(requestId, code, message, {}, { status });
    };

    if (bytes === 'too-large') {
      return refuse(
        new Refusal(CODES.badValue, 'InvalidParameter.BodyTooLarge', 'request body is over 1 MB', {
          httpStatus: 413,
        }),
      );
    }
    const route = routes.get(path);
    if (!route) {
      return refuse(
        new Refusal(CODES.notFound, 'ResourceNotFound.Path', `no API at ${path.slice(0, 200)}`, {
          httpStatus: 404,
        }),
      );
    }
    if (method !== 'POST') {
      return refuse(methodNotAllowed(method));
    }
    const auth = verifySignedUrl(query, (appkey) => tokens.get(appkey), { now: clock.wallClock });
    if (!auth.ok) {
      const [errorClass, why] = authText[auth.reason];
      const detail = auth.parameter ? `${why}: ${auth.parameter}` : why;
      const when =
        auth.reason === 'expired'
          ? ` (gateway time ${new Date(clock.wallClock()).toISOString()})`
          : '';
      return refuse(new Refusal(CODES.unauthorized, errorClass, `${detail}${when}`), {
        authFailure: auth.reason,
      });
    }
    if (fault?.kind === 'throttle') {
      const code = fault.code ?? CODES.throttled;
      const headers: Record<string, string> =
        fault.retryAfterSeconds !== undefined
          ? { 'Retry-After': String(fault.retryAfterSeconds) }
          : {};
      return refuse(
        new Refusal(code, 'RequestLimitExceeded', 'requests too frequent, slow down', {
          httpStatus: fault.status ?? 200,
          headers,
        }),
      );
    }
    if (fault?.kind === 'api-error' && fault.afterProcessing === false) {
      return apiError(fault);
    }
    if (text === undefined) {
      return refuse(
        new Refusal(
          CODES.missingParameter,
          'InvalidParameter.JsonParseError',
          'request body is not UTF-8',
        ),
      );
    }
    let payload: Record<string, unknown>;
    try {
      payload = decodeRequest(text).Payload;
    } catch (error) {
      if (!(error instanceof TvsEnvelopeError)) throw error;
      const parse = ['empty', 'not-json', 'too-deep', 'not-utf8', 'too-large'].includes(error.code);
      return refuse(
        new Refusal(
          CODES.missingParameter,
          parse ? 'InvalidParameter.JsonParseError' : 'InvalidParameter.InvalidEnvelope',
          error.message.slice(0, 300),
        ),
      );
    }
    if (!route.handler) {
      return refuse(
        new Refusal(
          CODES.internal,
          'InternalError.NotImplemented',
          `the mock gateway does not implement ${path}`,
          {
            httpStatus: 501,
          },
        ),
      );
    }
    const context: CallContext = {
      appkey: auth.appkey,
      requestId,
      origin: url.origin,
      now: clock.now(),
    };
    let result: Record<string, unknown>;
    try {
      const refusal = refuseRequest(route.operation, payload);
      if (refusal) throw new Refusal(refusal.code, refusal.errorClass, refusal.text);
      result = route.handler(payload, context, services);
    } catch (error) {
      if (error instanceof Refusal) return refuse(error);
      throw error;
    }
    settle();
    const faulted = (httpStatus: number, kind: FaultRule['kind']) =>
      record({ ...base, requestId, httpStatus, code: 0, verdict: 'fault', fault: kind });
    const answer = envelopeBytes(requestId, 0, '', result);
    switch (fault?.kind) {
      case 'api-error':
        return apiError(fault);
      case 'reset-after':
        faulted(0, fault.kind);
        throw new SimulatedNetworkError(true);
      case 'malformed-json':
        faulted(200, fault.kind);
        return responses.bytes(answer.slice(0, Math.max(1, Math.floor(answer.length / 2))));
      case 'cut-body':
        faulted(200, fault.kind);
        return responses.stream(cutBody(answer), answer.byteLength);
      case 'stall':
        faulted(0, fault.kind);
        return stalledAnswer(request.signal);
      case 'stall-body':
        faulted(200, fault.kind);
        return responses.stream(stalledBody(answer, request.signal), answer.byteLength);
    }
    record({ ...base, requestId, httpStatus: 200, code: 0, verdict: 'ok' });
    return responses.bytes(answer);
  }

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
        const requestId = newRequestId();
        const message = `InternalError:${String((error as Error)?.message ?? error).slice(0, 200)}`;
        return responses.envelope(requestId, CODES.internal, message, {}, { status: 500 });
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
      settle();
      return services.engine.list();
    },
    catalogue,
    sessions: createSessionControl(sessions, clock.now),
    commandChannel: createChannelHost({
      store: sessions,
      services,
      now: clock.now,
      verify(query) {
        const auth = verifySignedUrl(query, (appkey) => tokens.get(appkey), {
          now: clock.wallClock,
        });
        if (auth.ok) return auth;
        const [errorClass, why] = authText[auth.reason];
        return {
          ok: false,
          reason: auth.reason,
          message: `${errorClass}:${auth.parameter ? `${why}: ${auth.parameter}` : why}`,
        };
      },
      record({ url, httpStatus, code, message, authFailure }) {
        record({
          at: clock.now(),
          method: 'GET',
          ...urlFields(url),
          requestId: url.searchParams.get('requestid') ?? '',
          httpStatus,
          code,
          verdict: code === 0 ? 'ok' : 'refused',
          ...(message !== undefined ? { message } : {}),
          ...(authFailure ? { authFailure } : {}),
        });
      },
    }),
    reset() {
      callLog.reset();
      sessions.reset();
      services.engine.reset();
      services.liveRooms.rooms.clear();
      services.cloning.tasks.clear();
      faults.clear();
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
  return gateway;
}
