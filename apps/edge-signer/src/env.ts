/**
 * The Worker's bindings. Secrets (`wrangler secret put`) and vars (`wrangler.toml`) arrive the
 * same way, as strings on `env`; every one is optional here so that `config.ts` can say which
 * is missing instead of the runtime failing somewhere later.
 */
export interface Env {
  /** Secret: the TVS application key. */
  readonly TVS_APPKEY?: string;
  /** Secret: the TVS access token (the HMAC key). Never sent, logged or echoed. */
  readonly TVS_ACCESS_TOKEN?: string;
  /**
   * Secret: the bearer token callers must present (`Authorization: Bearer …`, or the WebSocket
   * subprotocol `bearer.…`); token characters only, at least 16.
   */
  readonly EDGE_BEARER_TOKEN?: string;
  /** Var: the gateway origin, default `https://gw.tvs.qq.com`. */
  readonly TVS_GATEWAY_URL?: string;
  /** Var: browser origins allowed to call, comma- or space-separated, exact (`https://app.example`). */
  readonly ALLOWED_ORIGINS?: string;
  /** Var: gateway paths that may be forwarded, comma- or space-separated; replaces the default list. */
  readonly ALLOWED_PATHS?: string;
  /** Var: largest request body in bytes, default 1 MiB. */
  readonly MAX_BODY_BYTES?: string;
  /** Var: how long to wait for the gateway, in milliseconds, default 30 000. */
  readonly UPSTREAM_TIMEOUT_MS?: string;
}
