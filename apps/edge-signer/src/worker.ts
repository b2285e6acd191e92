/**
 * `@tvs/edge-signer`: a Cloudflare Worker (module syntax) that signs TVS gateway calls with the
 * app key and access token it holds as secrets, so browsers use the gateway without seeing them.
 * Routes: `POST <allow-listed /v2/ivh/… path>` (forwarded, signed), the command channel
 * (`GET /v2/ws/…/commandchannel?requestid=<SessionId>` as a WebSocket, proxied to the gateway),
 * and `OPTIONS` preflights.
 */
import { checkBearer, checkOrigin } from './auth.js';
import { readJsonBody } from './body.js';
import { CHANNEL_PATH, openChannel } from './channel-route.js';
import { type Config, type ConfigResult, readConfig } from './config.js';
import { preflight, withCors } from './cors.js';
import type { Env } from './env.js';
import { refuse } from './errors.js';
import { forward } from './forward.js';
import { log } from './log.js';

export type { Env } from './env.js';

/** What a path is for: the command channel, forwarding, or nothing. */
type Route = { kind: 'channel' } | { kind: 'forward'; path: string };

function routeOf(pathname: string, config: Config): Route | undefined {
  if (pathname === CHANNEL_PATH) return { kind: 'channel' };
  if (config.allowedPaths.has(pathname)) return { kind: 'forward', path: pathname };
  return undefined;
}

/** Bindings are fixed for an isolate's life; check them once per env object. */
const configs = new WeakMap<Env, ConfigResult>();

function configOf(env: Env): ConfigResult {
  let result = configs.get(env);
  if (result === undefined) {
    result = readConfig(env);
    configs.set(env, result);
    if (!result.ok) log({ event: 'misconfigured', problems: result.problems.join('; ') });
  }
  return result;
}

const notFound = () => refuse('not-found', 'No such endpoint on this Worker.');

/**
 * The checks, in order: configuration, origin, preflight, bearer token, route, then per route:
 * the command channel's own checks (method, upgrade, subprotocol, SessionId) before it connects;
 * for forwarding, method, query, content type and size before the signed call. Each refusal is
 * a JSON body with its status; a command channel that opens is a `101` with no CORS headers
 * (WebSockets have none; `Origin` was checked above).
 */
async function handle(request: Request, config: Config): Promise<Response> {
  const url = new URL(request.url);
  const route = routeOf(url.pathname, config);

  const origin = checkOrigin(request, config);
  if (!origin.ok) return withCors(origin.response, undefined);
  const cors = (response: Response) => withCors(response, origin.origin);

  // A preflight comes from a browser and so names its origin; an OPTIONS without one is
  // just another method, refused below. WebSockets are never preflighted.
  if (request.method === 'OPTIONS' && origin.origin !== undefined) {
    if (route === undefined) return cors(notFound());
    if (route.kind === 'channel') {
      return cors(
        refuse('method-not-allowed', 'Open the command channel as a WebSocket.', { Allow: 'GET' }),
      );
    }
    return cors(preflight(request));
  }

  const unauthorized = await checkBearer(request, config);
  if (unauthorized) return cors(unauthorized);
  if (route === undefined) return cors(notFound());
  if (route.kind === 'channel') {
    const response = await openChannel(request, url, config);
    return response.status === 101 ? response : cors(response);
  }
  if (request.method !== 'POST') {
    return cors(refuse('method-not-allowed', 'Only POST is allowed.', { Allow: 'POST, OPTIONS' }));
  }
  if (url.search !== '') {
    return cors(
      refuse(
        'query-not-allowed',
        'Send no query parameters: the Worker adds appkey, timestamp and signature itself.',
      ),
    );
  }
  const body = await readJsonBody(request, config.maxBodyBytes);
  if (!body.ok) return cors(body.response);
  return cors(await forward(route.path, body.bytes, config));
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const config = configOf(env);
    let response: Response;
    if (!config.ok) {
      response = withCors(
        refuse('misconfigured', 'The Worker is misconfigured; its log says what to set.'),
        undefined,
      );
    } else {
      try {
        response = await handle(request, config.config);
      } catch (error) {
        log({ event: 'internal-error', error: error instanceof Error ? error.name : typeof error });
        const origin = checkOrigin(request, config.config);
        response = withCors(
          refuse('internal-error', 'Something went wrong; try again.'),
          origin.ok ? origin.origin : undefined,
        );
      }
    }
    const path = new URL(request.url).pathname.slice(0, 200);
    log({ event: 'request', method: request.method, path, status: response.status });
    return response;
  },
};
