/**
 * One attempt as the hooks see it. The URL's `signature` is `REDACTED`, and the access token
 * appears nowhere.
 */
export interface HookRequest {
  /** The operation (`video.make`) or, for `client.request`, the path. */
  readonly operation: string;
  /** The `Header.RequestID` sent, the same on every attempt of a call. */
  readonly requestId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly method: 'POST';
  /** The signed URL with its signature redacted. */
  readonly url: string;
  /**
   * The request's headers. A `beforeRequest` hook may set more (a `traceparent`); they are
   * sent. Other hooks see a copy.
   */
  readonly headers: Headers;
}

/** An attempt that got an HTTP answer, as `afterResponse` sees it. */
export interface HookResponse extends HookRequest {
  readonly status: number;
  /** The HTTP response, its body already read. */
  readonly response: Response;
  /** The gateway's `Header.Code`, when the body was an envelope. */
  readonly code?: number | undefined;
  /** What the client does next: `return` the payload, `retry`, `resign` (clock skew) or `fail`. */
  readonly next: 'return' | 'retry' | 'resign' | 'fail';
}

/** A retry about to happen, as `beforeRetry` sees it. */
export interface HookRetry extends HookRequest {
  /** What the failed attempt would have thrown. */
  readonly error: unknown;
  /** Milliseconds the client waits before the next attempt. */
  readonly delayMs: number;
}

/** A call about to reject, as `beforeError` sees it. */
export interface HookError extends HookRequest {
  /** What the call rejects with (for an abort before sending, the signal's reason). */
  readonly error: unknown;
}

/**
 * Functions called around every call, client-wide (`createClient({ hooks })`) and per call
 * (`{ hooks }` in a call's options; they run after the client's). For tracing and metrics: a
 * span per call starts in `beforeRequest` (attempt 1) and ends in `afterResponse` (`next`
 * `return`) or `beforeError`. A `beforeRequest` hook that throws fails the call before anything
 * is sent; errors thrown by the others are ignored, since the call's outcome is decided by then.
 *
 * @example
 * ```ts
 * import { createClient } from '@tvs/client';
 *
 * const client = createClient({
 *   hooks: {
 *     beforeRequest: [({ headers, requestId }) => headers.set('x-trace-id', requestId)],
 *     afterResponse: [({ operation, status, code }) => console.log(operation, status, code)],
 *   },
 * });
 * ```
 */
export interface ClientHooks {
  /** Before each attempt is sent. May add headers. */
  beforeRequest?: ReadonlyArray<(request: HookRequest) => void | Promise<void>> | undefined;
  /** After each attempt's answer is read (not for attempts without an answer). */
  afterResponse?: ReadonlyArray<(response: HookResponse) => void | Promise<void>> | undefined;
  /** Before each wait for a retry. */
  beforeRetry?: ReadonlyArray<(retry: HookRetry) => void | Promise<void>> | undefined;
  /** Once, before the call rejects. */
  beforeError?: ReadonlyArray<(failure: HookError) => void | Promise<void>> | undefined;
}
