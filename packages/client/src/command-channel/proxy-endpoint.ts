/** Query parameters a signing proxy adds itself; a proxy URL carrying them is a mistake. */
const PROXY_OWNED = ['appkey', 'timestamp', 'signature', 'requestid'];

/**
 * RFC 7230 `token` characters: what a `Sec-WebSocket-Protocol` element may hold. The WebSocket
 * constructor throws a `SyntaxError` on anything else, which would look like a failed connection.
 */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Where the channel connects, when a signing proxy is in front of the gateway. @internal */
export interface ProxyEndpoint {
  /** The proxy's command-channel URL, `ws:` or `wss:`, without `requestid`; undefined: none. */
  readonly url: string | undefined;
  /** Subprotocols to offer in the handshake, when any. */
  readonly protocols: readonly string[] | undefined;
}

/**
 * Checks the `url` and `protocols` options of `commandChannel`. `url` is an absolute `ws(s):`
 * or `http(s):` URL (http becomes ws) with no user info and none of the parameters the proxy
 * adds; `protocols` is one token or a list of distinct tokens. Messages never quote a protocol:
 * one of them may carry the caller's bearer token.
 * @internal
 */
export function proxyEndpoint(url: unknown, protocols: unknown): ProxyEndpoint {
  return {
    url: url === undefined ? undefined : checkUrl(url),
    protocols: checkProtocols(protocols),
  };
}

function checkUrl(value: unknown): string {
  const fail = (problem: string): never => {
    throw new TypeError(`commandChannel: url ${problem}`);
  };
  if (typeof value !== 'string' && !(value instanceof URL)) fail('must be a string or URL');
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    return fail('must be an absolute ws(s) or http(s) URL');
  }
  const scheme = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' }[url.protocol];
  if (scheme === undefined) fail('must be an absolute ws(s) or http(s) URL');
  if (url.username || url.password) fail('must not carry user info');
  const owned = PROXY_OWNED.filter((name) => url.searchParams.has(name));
  if (owned.length > 0) {
    fail(`must not carry ${owned.join(', ')}: the channel adds requestid and the proxy signs`);
  }
  url.protocol = scheme!;
  url.hash = '';
  return url.href;
}

function checkProtocols(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  const valid =
    Array.isArray(list) &&
    list.length > 0 &&
    list.every((item) => typeof item === 'string' && TOKEN.test(item)) &&
    new Set(list).size === list.length;
  if (!valid) {
    throw new TypeError(
      "commandChannel: protocols must be a token or a list of distinct tokens (letters, digits and !#$%&'*+-.^_`|~)",
    );
  }
  return [...(list as string[])];
}

/**
 * The URL of one connection: the proxy's URL with `requestid` set to the SessionId, as on the
 * gateway (Tencent, 创建长连接通道: https://cloud.tencent.com/document/product/1240/100396).
 * @internal
 */
export function proxyUrlFor(endpoint: string, sessionId: string): string {
  const url = new URL(endpoint);
  url.searchParams.set('requestid', sessionId);
  return url.href;
}
