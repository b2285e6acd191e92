import { LIMITS } from '@tvs/envelope';
import { TEXT_PACING_MS } from './pacer.js';
import { type ProxyEndpoint, proxyEndpoint } from './proxy-endpoint.js';
import { resolveWebSocket, type WebSocketConstructor } from './websocket.js';

/**
 * Reconnection tuning of the command channel.
 * @example
 * ```ts
 * client.commandChannel(sessionId, { reconnect: { maxAttempts: 3, baseDelay: 500 } });
 * ```
 */
export interface ReconnectOptions {
  /** Consecutive failed attempts before giving up (default 8). */
  maxAttempts?: number | undefined;
  /**
   * The first backoff in milliseconds (default 250). Later ones double, capped at `maxDelay`,
   * with full jitter: the same backoff as the client's HTTP retries.
   */
  baseDelay?: number | undefined;
  /** The longest backoff in milliseconds (default 5 000). */
  maxDelay?: number | undefined;
}

/**
 * Options of `client.commandChannel(sessionId, options)`.
 *
 * @example
 * ```ts
 * // In a page, through the edge signer: no credentials in the browser, the Worker signs.
 * const client = createClient({ baseUrl: 'https://edge.example' });
 * const channel = client.commandChannel(sessionId, {
 *   url: 'wss://edge.example/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel',
 *   protocols: ['tvs-edge-signer', `bearer.${EDGE_TOKEN}`],
 * });
 * ```
 */
export interface CommandChannelOptions {
  /**
   * The WebSocket constructor (default: the runtime's global `WebSocket`, which Node 22+,
   * Deno, Bun and browsers have). Pass `WebSocket` from the `ws` package on older runtimes.
   */
  WebSocket?: unknown;
  /**
   * The session's `DriverType`, when known (the lifecycle helper knows it). Otherwise
   * `sendAudio` looks it up in the session list once, and refuses on a text-only session.
   */
  driverType?: 1 | 3 | undefined;
  /**
   * Milliseconds between heartbeats (default 45 000, `LIMITS.HEARTBEAT_DEFAULT_MS`: the gateway
   * wants more than 30 s and less than 60 s, 1240/100400).
   */
  heartbeatInterval?: number | undefined;
  /**
   * Milliseconds between two `SEND_TEXT` frames (`sendText`, `interrupt`), more than 1 000: the
   * gateway wants text frames more than one second apart (1240/100397). Default 1 200, that is
   * `LIMITS.TEXT_INTERVAL_MS` plus a 200 ms margin for the jitter between sending and arrival.
   */
  textInterval?: number | undefined;
  /** Reconnection while the session is open, or `false` to close on the first drop. */
  reconnect?: ReconnectOptions | false | undefined;
  /** Closes the channel when it aborts. */
  signal?: AbortSignal | undefined;
  /**
   * The command-channel URL of a proxy that signs for you, such as the edge signer
   * (`wss://edge.example/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel`); `http(s)`
   * becomes `ws(s)`. The channel then connects there with only `requestid` (the SessionId) added,
   * and never signs, also when the client holds credentials: the proxy signs its own connection
   * to the gateway. Default: the gateway (or the client's `baseUrl`), signed.
   */
  url?: string | URL | undefined;
  /**
   * WebSocket subprotocols to offer in the handshake (`new WebSocket(url, protocols)`). A browser
   * cannot set `Authorization` on a WebSocket, so the edge signer takes its caller token this
   * way: `['tvs-edge-signer', 'bearer.' + token]`. Tokens only (letters, digits, `-._~` and a
   * few more); never logged or put in an error message.
   */
  protocols?: string | readonly string[] | undefined;
}

/** How the channel reconnects, after defaults. @internal */
export interface ReconnectPolicy {
  readonly maxAttempts: number;
  readonly baseDelay: number;
  readonly maxDelay: number;
}

/** The options after defaults and validation. @internal */
export interface ResolvedChannelOptions {
  readonly WebSocket: WebSocketConstructor;
  readonly proxy: ProxyEndpoint;
  readonly driverType: 1 | 3 | undefined;
  readonly heartbeatInterval: number;
  readonly textInterval: number;
  readonly reconnect: ReconnectPolicy | false;
  readonly signal: AbortSignal | undefined;
}

/**
 * Every default of the command channel, in one place. The protocol's numbers come from
 * `@tvs/envelope`'s `LIMITS`; the rest are the SDK's choices where the pages are silent.
 * @internal
 */
export const CHANNEL_DEFAULTS = {
  heartbeatInterval: LIMITS.HEARTBEAT_DEFAULT_MS,
  textInterval: TEXT_PACING_MS,
  reconnect: { maxAttempts: 8, baseDelay: 250, maxDelay: 5000 },
  /** Frames kept while the socket reconnects; more fail with `overflow`. */
  maxOutbox: 1024,
  /** Final statuses remembered, so a late `finished()` still resolves. */
  maxFinals: 256,
  /** Messages an iterator buffers for a slow reader; older ones are dropped. */
  maxBufferedMessages: 10_000,
  /** How long `close()` waits for a socket whose peer vanished to report its close. */
  closeWaitMs: 2000,
} as const;

/** A positive number of milliseconds (`whole`: a positive integer), or the fallback when absent. @internal */
export function positiveOption(
  value: unknown,
  name: string,
  fallback: number,
  whole = false,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(
      `commandChannel: ${name} must be a positive ${whole ? 'whole number' : 'number of milliseconds'}`,
    );
  }
  if (whole && !Number.isInteger(value)) {
    throw new TypeError(`commandChannel: ${name} must be a positive whole number`);
  }
  return value;
}

/**
 * Validates the session id and the options once, and fills in the defaults.
 * @throws TypeError naming the first bad option.
 * @internal
 */
export function resolveChannelOptions(
  sessionId: unknown,
  options: CommandChannelOptions,
): ResolvedChannelOptions {
  if (typeof sessionId !== 'string' || sessionId === '') {
    throw new TypeError('commandChannel: sessionId must be a non-empty string');
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError('commandChannel: options must be an object');
  }
  const { driverType, reconnect, signal } = options;
  if (driverType !== undefined && driverType !== 1 && driverType !== 3) {
    throw new TypeError('commandChannel: driverType must be 1 or 3');
  }
  const textInterval = positiveOption(
    options.textInterval,
    'textInterval',
    CHANNEL_DEFAULTS.textInterval,
  );
  if (textInterval <= LIMITS.TEXT_INTERVAL_MS) {
    throw new TypeError(
      `commandChannel: textInterval must be more than ${LIMITS.TEXT_INTERVAL_MS} ms (text frames more than a second apart)`,
    );
  }
  if (reconnect !== undefined && reconnect !== false && !isObject(reconnect)) {
    throw new TypeError('commandChannel: reconnect must be an object or false');
  }
  if (signal !== undefined && !isSignal(signal)) {
    throw new TypeError('commandChannel: signal must be an AbortSignal');
  }
  const defaults = CHANNEL_DEFAULTS.reconnect;
  return {
    WebSocket: resolveWebSocket(options.WebSocket),
    proxy: proxyEndpoint(options.url, options.protocols),
    driverType,
    heartbeatInterval: positiveOption(
      options.heartbeatInterval,
      'heartbeatInterval',
      CHANNEL_DEFAULTS.heartbeatInterval,
    ),
    textInterval,
    reconnect:
      reconnect === false
        ? false
        : {
            maxAttempts: positiveOption(
              reconnect?.maxAttempts,
              'reconnect.maxAttempts',
              defaults.maxAttempts,
              true,
            ),
            baseDelay: positiveOption(
              reconnect?.baseDelay,
              'reconnect.baseDelay',
              defaults.baseDelay,
            ),
            maxDelay: positiveOption(reconnect?.maxDelay, 'reconnect.maxDelay', defaults.maxDelay),
          },
    signal,
  };
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/** Duck-typed, as signals from another realm or a polyfill fail `instanceof AbortSignal`. */
function isSignal(value: unknown): value is AbortSignal {
  return (
    isObject(value) &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function'
  );
}
