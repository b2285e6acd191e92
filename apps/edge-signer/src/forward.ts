import type { Config } from './config.js';
import { baseHeaders, refuse } from './errors.js';
import { log } from './log.js';
import { readBounded } from './read-bounded.js';

/** Response headers passed back from the gateway; everything else (cookies, hop-by-hop…) is dropped. */
const RESPONSE_HEADERS = ['Content-Type', 'Date', 'Retry-After'];

/**
 * The largest gateway answer passed back. The gateway's answers are small JSON envelopes (a
 * listing page is a few kilobytes); this only stops a broken or hostile upstream from filling
 * the Worker's memory.
 */
export const MAX_UPSTREAM_BYTES = 8 * 1024 * 1024;

/**
 * Forwards a checked body to `path` on the configured gateway, signed with the Worker's
 * credentials. The upstream request is built from scratch: the configured origin, the
 * allow-listed path, a fresh signature and no other query parameter; `Content-Type` and `Accept`
 * only, so no caller header (cookies, `Authorization`, hop-by-hop, `Host`…) ever reaches the
 * gateway. Redirects are not followed.
 *
 * `UPSTREAM_TIMEOUT_MS` bounds the whole answer, headers and body: the body is read in full
 * before the Worker answers, so a late or trickled body becomes a 504 instead of a response that
 * streams on past the limit.
 */
export async function forward(
  path: string,
  body: Uint8Array<ArrayBuffer>,
  config: Config,
): Promise<Response> {
  const url = config.signer.signUrl(`${config.gatewayOrigin}${path}`);
  const deadline = AbortSignal.timeout(config.upstreamTimeoutMs);
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json;charset=utf-8', Accept: 'application/json' },
      body,
      redirect: 'manual',
      signal: deadline,
    });
  } catch (error) {
    // Only the error's name: a message could quote the signed URL.
    const name = error instanceof Error ? error.name : typeof error;
    log({ event: 'upstream-failed', path, error: name });
    return name === 'TimeoutError' ? timedOut() : unreachable();
  }
  if (upstream.status >= 300 && upstream.status < 400) {
    await upstream.body?.cancel();
    log({ event: 'upstream-redirect', path, status: upstream.status });
    return refuse(
      'upstream-redirect',
      'The gateway answered with a redirect, which is not followed.',
    );
  }
  const read = await readBounded(upstream.body, MAX_UPSTREAM_BYTES, deadline);
  if (!read.ok) {
    log({ event: 'upstream-body-failed', path, status: upstream.status, reason: read.reason });
    if (read.reason === 'timeout') return timedOut();
    if (read.reason === 'too-large') {
      return refuse('upstream-too-large', 'The gateway answer was too large to pass on.');
    }
    return refuse(
      'upstream-incomplete',
      'The gateway answer broke off; the call may have taken effect, so check before repeating it.',
    );
  }
  const headers = baseHeaders();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(read.bytes, { status: upstream.status, headers });
}

const timedOut = () =>
  refuse(
    'upstream-timeout',
    'The gateway did not answer in time; the call may have taken effect, so check before repeating it.',
  );

const unreachable = () =>
  refuse('upstream-unreachable', 'The gateway could not be reached or dropped the connection.');
