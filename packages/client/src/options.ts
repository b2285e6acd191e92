import type { ClientHooks } from './hooks.js';
import { HOSTS, isRegion, type Region } from './hosts.js';
import { DEFAULTS } from './internal/defaults.js';
import { checkKnownKeys } from './internal/known-keys.js';
import { checkHooks } from './internal/run-hooks.js';
import { durationOption, functionOption, numberOption, objectOption } from './internal/validate.js';
import { consoleLogger, type Logger } from './logger.js';
import { type RetryOptions, type RetryPolicy, retryPolicy } from './retry-policy.js';

/**
 * Options of {@link createClient}. Unknown names throw a `TypeError` that suggests the nearest
 * known one (`baseURL` → `baseUrl`).
 */
export interface ClientOptions {
  /** The application key. Defaults to `TVS_APPKEY` from the environment. */
  appkey?: string | undefined;
  /**
   * The secret that signs every call; it never leaves the process. Defaults to
   * `TVS_ACCESS_TOKEN`. Leave both credentials out only when `baseUrl` points at a signing
   * proxy (as in a browser page, which must never hold the token).
   */
  accessToken?: string | undefined;
  /** `cn` (mainland, the default) or `sg` (international). Defaults to `TVS_REGION`. */
  region?: Region | undefined;
  /**
   * Overrides the region's host, e.g. a signing proxy or a mock gateway. Defaults to
   * `TVS_BASE_URL`. Must be http(s) without user info.
   */
  baseUrl?: string | URL | undefined;
  /**
   * The `fetch` to use (default: the global one). Proxies and custom agents go here, e.g.
   * undici's `ProxyAgent`: `fetch: (input, init) => undiciFetch(input, { ...init, dispatcher })`.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds each attempt may take, headers and body (default 30 000); `false` for none. */
  timeout?: number | false | undefined;
  /** Milliseconds a whole call may take, retries and waits included (default: none). */
  totalTimeout?: number | false | undefined;
  /** Retry tuning, or `false` for no retries (the one clock-skew re-sign still happens). */
  retry?: RetryOptions | false | undefined;
  /** The largest response body read, in bytes (default 16 MiB); a larger one fails the call unread. */
  maxResponseBytes?: number | undefined;
  /** Hooks around every call: tracing, metrics. See {@link ClientHooks}. */
  hooks?: ClientHooks | undefined;
  /** Receives one line per attempt, signatures redacted. `TVS_DEBUG=1` logs to the console. */
  logger?: Logger | undefined;
  /** The clock, `Date.now`-compatible (default `Date.now`). */
  now?: (() => number) | undefined;
  /** Appended to the `User-Agent` (e.g. `my-app/1.2`). */
  userAgent?: string | undefined;
  /**
   * Allows an access token where `document` exists (a browser page), which is refused by
   * default: anyone who opens the page can read it. Meant for tests; a page should call through
   * the edge signer (`apps/edge-signer`) with no credentials instead.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** The options after defaults, environment and validation. @internal */
export interface ResolvedOptions {
  credentials: { appkey: string; accessToken: string } | undefined;
  region: Region;
  baseUrl: string;
  fetch: typeof globalThis.fetch | undefined;
  timeout: number | false;
  totalTimeout: number | false;
  retry: RetryPolicy;
  maxResponseBytes: number;
  hooks: ClientHooks | undefined;
  logger: Logger | undefined;
  now: () => number;
  userAgent: string | undefined;
}

/** Every option name of {@link ClientOptions}. @internal */
export const CLIENT_OPTION_NAMES: readonly string[] = [
  'appkey',
  'accessToken',
  'region',
  'baseUrl',
  'fetch',
  'timeout',
  'totalTimeout',
  'retry',
  'maxResponseBytes',
  'hooks',
  'logger',
  'now',
  'userAgent',
  'dangerouslyAllowBrowser',
];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment, read lazily, one variable at a time. A variable the runtime will not let us
 * read counts as unset: Deno without `--allow-env` throws `NotCapable` on every `process.env`
 * read, and options given in code must work there. @internal
 */
export function readEnv(
  source: Env | undefined = (globalThis as { process?: { env?: Env } }).process?.env,
): Env {
  if (source === undefined) return {};
  return new Proxy({} as Env, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      try {
        return source[name];
      } catch {
        return undefined;
      }
    },
  });
}

const WHERE = 'createClient';

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new TypeError(`${WHERE}: ${name} must be a string`);
  return value;
}

/** The base URL: http(s), no user info, no trailing slash. Never quoted: it may hold a password. */
function baseUrlOf(value: unknown, name: string): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new TypeError(`${WHERE}: ${name} must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`${WHERE}: ${name} must be an absolute http(s) URL`);
  }
  if (url.username || url.password) {
    throw new TypeError(
      `${WHERE}: ${name} must not carry user info (user:password@); the gateway authenticates by signature, and fetch would put it in error messages`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** @internal */
export function resolveOptions(options: ClientOptions = {}, env: Env = readEnv()): ResolvedOptions {
  objectOption(options, WHERE);
  checkKnownKeys(options, CLIENT_OPTION_NAMES, WHERE);
  // Credentials come as a pair: from the options when either is given there, else from the
  // environment. Never one from each, so a stale variable cannot pair with a new key.
  const fromOptions = options.appkey !== undefined || options.accessToken !== undefined;
  const appkey = optionalString(fromOptions ? options.appkey : env.TVS_APPKEY, 'appkey');
  const accessToken = optionalString(
    fromOptions ? options.accessToken : env.TVS_ACCESS_TOKEN,
    'accessToken',
  );
  const where = fromOptions ? 'the options' : 'the environment (TVS_APPKEY, TVS_ACCESS_TOKEN)';
  if (appkey !== undefined && accessToken === undefined) {
    throw new TypeError(`${WHERE}: appkey is set but accessToken is missing in ${where}`);
  }
  if (appkey === undefined && accessToken !== undefined) {
    throw new TypeError(`${WHERE}: accessToken is set but appkey is missing in ${where}`);
  }
  if (
    accessToken !== undefined &&
    typeof (globalThis as { document?: unknown }).document !== 'undefined' &&
    options.dangerouslyAllowBrowser !== true
  ) {
    throw new TypeError(
      `${WHERE}: an access token in a browser page can be read by anyone who opens it. Keep it on a server: run the edge signer (apps/edge-signer) and create the page's client with baseUrl pointing at it and no credentials. (dangerouslyAllowBrowser: true allows it, for tests.)`,
    );
  }
  const region = options.region ?? optionalString(env.TVS_REGION, 'TVS_REGION') ?? DEFAULTS.region;
  if (!isRegion(region)) {
    throw new TypeError(`${WHERE}: region must be "cn" or "sg", got ${JSON.stringify(region)}`);
  }
  const envBaseUrl = optionalString(env.TVS_BASE_URL, 'TVS_BASE_URL');
  const baseUrl =
    options.baseUrl !== undefined
      ? baseUrlOf(options.baseUrl, 'baseUrl')
      : envBaseUrl !== undefined
        ? baseUrlOf(envBaseUrl, 'TVS_BASE_URL')
        : HOSTS[region];
  if (appkey === undefined && baseUrl === HOSTS[region]) {
    throw new TypeError(
      `${WHERE}: no credentials. Pass { appkey, accessToken } or set TVS_APPKEY and TVS_ACCESS_TOKEN (or, in a browser, point baseUrl at a signing proxy).`,
    );
  }
  const logger = options.logger;
  if (logger !== undefined && typeof logger?.debug !== 'function') {
    throw new TypeError(`${WHERE}: logger must have a debug(message, fields) method`);
  }
  const debug = env.TVS_DEBUG;
  return {
    credentials: appkey === undefined ? undefined : { appkey, accessToken: accessToken! },
    region,
    baseUrl,
    fetch: functionOption(options.fetch, WHERE, 'fetch'),
    timeout: durationOption(options.timeout, DEFAULTS.timeout, WHERE, 'timeout'),
    totalTimeout: durationOption(
      options.totalTimeout,
      DEFAULTS.totalTimeout,
      WHERE,
      'totalTimeout',
    ),
    retry: retryPolicy(options.retry),
    maxResponseBytes: numberOption(
      options.maxResponseBytes,
      DEFAULTS.maxResponseBytes,
      WHERE,
      'maxResponseBytes',
      { positive: true, integer: true },
    ),
    hooks: checkHooks(options.hooks, WHERE),
    logger: logger ?? (debug && debug !== '0' ? consoleLogger : undefined),
    now: functionOption(options.now, WHERE, 'now') ?? Date.now,
    userAgent: optionalString(options.userAgent, 'userAgent'),
  };
}
