import type { Config } from './config.js';
import { baseHeaders, refuse } from './errors.js';
import { log } from './log.js';

/** Response headers passed back from the gateway; everything else (cookies, hop-by-hop…) is dropped. */
const RESPONSE_HEADERS = ['Content-Type', 'Date', 'Retry-After'];

/**
 * Forwards a checked body to `path` on the configured gateway, signed with the Worker's
 * credentials. The upstream request is built from scratch: the configured origin, the
 * allow-listed path, a fresh signature and no other query parameter; `Content-Type` and `Accept`
 * only, so no caller header (cookies, `Authorization`, hop-by-hop, `Host`…) ever reaches the
 * gateway. Redirects are not followed.
 */
export async function forward(
  path: string,
  body: Uint8Array<ArrayBuffer>,
  config: Config,
): Promise<Response> {
  const url = config.signer.signUrl(`${config.gatewayOrigin}${path}`);
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json;charset=utf-8', Accept: 'application/json' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(config.upstreamTimeoutMs),
    });
  } catch (error) {
    // Only the error's name: a message could quote the signed URL, which names the appkey.
    const name = error instanceof Error ? error.name : typeof error;
    log({ event: 'upstream-failed', path, error: name });
    return name === 'TimeoutError'
      ? refuse('upstream-timeout', 'The gateway did not answer in time; try again.')
      : refuse('upstream-unreachable', 'The gateway could not be reached; try again.');
  }
  if (upstream.status >= 300 && upstream.status < 400) {
    await upstream.body?.cancel();
    log({ event: 'upstream-redirect', path, status: upstream.status });
    return refuse(
      'upstream-redirect',
      'The gateway answered with a redirect, which is not followed.',
    );
  }
  const headers = baseHeaders();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
