import { createSigner, type Signer } from '@tvs/signer';
import { DEFAULT_ALLOWED_PATHS } from './default-paths.js';
import type { Env } from './env.js';

/** The mainland gateway; `TVS_GATEWAY_URL` selects another (e.g. `https://gw-sg.tvs.qq.com`). */
export const DEFAULT_GATEWAY_URL = 'https://gw.tvs.qq.com';
/** 1 MiB, the gateway's own limit on a request body. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const MAX_MAX_BODY_BYTES = 8 * 1024 * 1024;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
/** Shorter bearer tokens are refused as a misconfiguration: they could be guessed. */
export const MIN_BEARER_TOKEN_LENGTH = 16;
/**
 * RFC 7230 `token` characters. A page sends the bearer token as a WebSocket subprotocol
 * (`bearer.<token>`), and browsers refuse a subprotocol with any other character.
 */
const TOKEN_CHARACTERS = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The Worker's settings, checked once. Holds a signer, never a readable access token. */
export interface Config {
  readonly signer: Signer;
  /** The gateway's origin, e.g. `https://gw.tvs.qq.com`: the only host requests go to. */
  readonly gatewayOrigin: string;
  readonly allowedPaths: ReadonlySet<string>;
  readonly allowedOrigins: ReadonlySet<string>;
  /** Undefined when callers are authenticated by origin alone. */
  readonly bearerToken: string | undefined;
  readonly maxBodyBytes: number;
  readonly upstreamTimeoutMs: number;
}

/** The outcome of reading `env`: a config, or what is wrong, naming variables and never values of secrets. */
export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly problems: readonly string[] };

const PATH = /^\/v2\/ivh\/[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)+$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Splits a list variable on commas and whitespace. */
function list(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((item) => item !== '');
}

function integer(
  value: string | undefined,
  name: string,
  fallback: number,
  range: readonly [number, number],
  problems: string[],
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < range[0] || n > range[1]) {
    problems.push(`${name} must be an integer from ${range[0]} to ${range[1]}`);
    return fallback;
  }
  return n;
}

/** The gateway origin: https, or http only on a loopback host (tests, a local mock gateway). */
function gatewayOrigin(value: string | undefined, problems: string[]): string {
  let url: URL;
  try {
    url = new URL(value?.trim() || DEFAULT_GATEWAY_URL);
  } catch {
    problems.push('TVS_GATEWAY_URL is not an absolute URL');
    return DEFAULT_GATEWAY_URL;
  }
  const secure = url.protocol === 'https:';
  const loopback = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (!secure && !loopback) problems.push('TVS_GATEWAY_URL must be https (http only on loopback)');
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    problems.push('TVS_GATEWAY_URL must be an origin only: no path, query, fragment or userinfo');
  }
  return url.origin;
}

function origins(value: string | undefined, problems: string[]): Set<string> {
  const result = new Set<string>();
  for (const [index, item] of list(value).entries()) {
    let origin: string | undefined;
    try {
      origin = new URL(item).origin;
    } catch {
      origin = undefined;
    }
    // `new URL('*').origin` throws and `new URL('https://a/').origin` drops the slash: both refused.
    if (origin === undefined || origin === 'null' || origin !== item) {
      // By position, not value: a misplaced secret pasted here must not reach the log.
      problems.push(`ALLOWED_ORIGINS entry ${index + 1} is not an origin like https://app.example`);
    } else {
      result.add(origin);
    }
  }
  return result;
}

function paths(value: string | undefined, problems: string[]): Set<string> {
  const items = value === undefined || value.trim() === '' ? DEFAULT_ALLOWED_PATHS : list(value);
  for (const [index, item] of items.entries()) {
    if (!PATH.test(item)) problems.push(`ALLOWED_PATHS entry ${index + 1} is not a /v2/ivh/… path`);
  }
  return new Set(items.filter((item) => PATH.test(item)));
}

/** Reads and checks the Worker's bindings. Pure: the same env gives the same result. */
export function readConfig(env: Env): ConfigResult {
  const problems: string[] = [];
  const appkey = env.TVS_APPKEY?.trim() ?? '';
  const accessToken = env.TVS_ACCESS_TOKEN?.trim() ?? '';
  if (appkey === '') problems.push('the secret TVS_APPKEY is not set');
  if (accessToken === '') problems.push('the secret TVS_ACCESS_TOKEN is not set');

  const bearer = env.EDGE_BEARER_TOKEN?.trim() || undefined;
  if (bearer !== undefined && bearer.length < MIN_BEARER_TOKEN_LENGTH) {
    problems.push(
      `the secret EDGE_BEARER_TOKEN must be at least ${MIN_BEARER_TOKEN_LENGTH} characters`,
    );
  }
  if (bearer !== undefined && !TOKEN_CHARACTERS.test(bearer)) {
    problems.push(
      "the secret EDGE_BEARER_TOKEN must be made of letters, digits and !#$%&'*+-.^_`|~ (a page sends it as a WebSocket subprotocol), e.g. `openssl rand -hex 32`",
    );
  }
  const allowedOrigins = origins(env.ALLOWED_ORIGINS, problems);
  if (bearer === undefined && allowedOrigins.size === 0) {
    problems.push(
      'set EDGE_BEARER_TOKEN, ALLOWED_ORIGINS or both: the Worker refuses to be an open proxy',
    );
  }
  const gateway = gatewayOrigin(env.TVS_GATEWAY_URL, problems);
  const allowedPaths = paths(env.ALLOWED_PATHS, problems);
  const maxBodyBytes = integer(
    env.MAX_BODY_BYTES,
    'MAX_BODY_BYTES',
    DEFAULT_MAX_BODY_BYTES,
    [1, MAX_MAX_BODY_BYTES],
    problems,
  );
  const upstreamTimeoutMs = integer(
    env.UPSTREAM_TIMEOUT_MS,
    'UPSTREAM_TIMEOUT_MS',
    DEFAULT_UPSTREAM_TIMEOUT_MS,
    [1000, 120_000],
    problems,
  );
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    config: {
      signer: createSigner({ appkey, accessToken }),
      gatewayOrigin: gateway,
      allowedPaths,
      allowedOrigins,
      bearerToken: bearer,
      maxBodyBytes,
      upstreamTimeoutMs,
    },
  };
}
