/** Every way the Worker refuses or fails a request, with its HTTP status. */
const STATUS = {
  'invalid-json': 400,
  'invalid-session-id': 400,
  'invalid-protocol': 400,
  'query-not-allowed': 400,
  unauthorized: 401,
  'origin-not-allowed': 403,
  'origin-required': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'upgrade-required': 426,
  'internal-error': 500,
  misconfigured: 500,
  'upstream-unreachable': 502,
  'upstream-redirect': 502,
  'upstream-refused': 502,
  'upstream-incomplete': 502,
  'upstream-too-large': 502,
  'upstream-timeout': 504,
} as const;

/** The `error` field of a refusal body. */
export type ErrorCode = keyof typeof STATUS;

/** Headers every response of the Worker carries: nothing it says may be cached or sniffed. */
export function baseHeaders(): Headers {
  return new Headers({
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}

/** A JSON response with the base headers. */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const all = baseHeaders();
  all.set('Content-Type', 'application/json;charset=utf-8');
  for (const [name, value] of new Headers(headers)) all.set(name, value);
  return new Response(JSON.stringify(body), { status, headers: all });
}

/**
 * A refusal: `{ "error": "<code>", "message": "<what to do>" }` with the code's status. Messages
 * are fixed texts written here and never contain a secret or a configured value.
 */
export function refuse(code: ErrorCode, message: string, headers: HeadersInit = {}): Response {
  return json({ error: code, message }, STATUS[code], headers);
}

/** The status a code is answered with (for tests and documentation). */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}
