import { HOSTS, isRegion, type Region } from './hosts.js';
import { consoleLogger, type Logger } from './logger.js';
import { type RetryOptions, type RetryPolicy, retryPolicy } from './retry-policy.js';

/** Options of {@link createClient}. */
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
  /** Overrides the region's host, e.g. a signing proxy or a mock gateway. */
  baseUrl?: string | URL | undefined;
  /**
   * The `fetch` to use (default: the global one). Proxies and custom agents go here, e.g.
   * undici's `ProxyAgent`: `fetch: (input, init) => undiciFetch(input, { ...init, dispatcher })`.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds each attempt may take (default 30 000); `false` for none. */
  timeout?: number | false | undefined;
  /** Milliseconds a whole call may take, retries and waits included (default: none). */
  totalTimeout?: number | false | undefined;
  /** Retry tuning, or `false` for no retries (the one clock-skew re-sign still happens). */
  retry?: RetryOptions | false | undefined;
  /** Receives one line per attempt, signatures redacted. `TVS_DEBUG=1` logs to the console. */
  logger?: Logger | undefined;
  /** The clock, `Date.now`-compatible (default `Date.now`). */
  now?: (() => number) | undefined;
  /** Appended to the `User-Agent` (e.g. `my-app/1.2`). */
  userAgent?: string | undefined;
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
  logger: Logger | undefined;
  now: () => number;
  userAgent: string | undefined;
}

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

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new TypeError(`createClient: ${name} must be a string`);
  return value;
}

function duration(value: unknown, name: string, fallback: number | false): number | false {
  if (value === undefined) return fallback;
  if (value === false) return false;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`createClient: ${name} must be a positive number of milliseconds or false`);
  }
  return value;
}

/** @internal */
export function resolveOptions(options: ClientOptions = {}, env: Env = readEnv()): ResolvedOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('createClient: options must be an object');
  }
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
    throw new TypeError(`createClient: appkey is set but accessToken is missing in ${where}`);
  }
  if (appkey === undefined && accessToken !== undefined) {
    throw new TypeError(`createClient: accessToken is set but appkey is missing in ${where}`);
  }
  const region = options.region ?? optionalString(env.TVS_REGION, 'TVS_REGION') ?? 'cn';
  if (!isRegion(region)) {
    throw new TypeError(`createClient: region must be "cn" or "sg", got ${JSON.stringify(region)}`);
  }
  let baseUrl: string = HOSTS[region];
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(String(options.baseUrl));
    } catch {
      throw new TypeError('createClient: baseUrl must be an absolute http(s) URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError('createClient: baseUrl must be an absolute http(s) URL');
    }
    baseUrl = url.href.replace(/\/+$/, '');
  }
  if (appkey === undefined && options.baseUrl === undefined) {
    throw new TypeError(
      'createClient: no credentials. Pass { appkey, accessToken } or set TVS_APPKEY and TVS_ACCESS_TOKEN (or, in a browser, point baseUrl at a signing proxy).',
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('createClient: fetch must be a function');
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new TypeError('createClient: now must be a function returning milliseconds');
  }
  if (options.logger !== undefined && typeof options.logger?.debug !== 'function') {
    throw new TypeError('createClient: logger must have a debug(message, fields) method');
  }
  const debug = env.TVS_DEBUG;
  return {
    credentials: appkey === undefined ? undefined : { appkey, accessToken: accessToken! },
    region,
    baseUrl,
    fetch: options.fetch,
    timeout: duration(options.timeout, 'timeout', 30_000),
    totalTimeout: duration(options.totalTimeout, 'totalTimeout', false),
    retry: retryPolicy(options.retry),
    logger: options.logger ?? (debug && debug !== '0' ? consoleLogger : undefined),
    now: options.now ?? Date.now,
    userAgent: optionalString(options.userAgent, 'userAgent'),
  };
}
