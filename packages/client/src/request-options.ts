import type { JsonObject, ResponseHeader } from '@tvs/envelope';
import type { ClientHooks } from './hooks.js';
import type { RetryOptions } from './retry-policy.js';

/**
 * Options of one call, overriding the client's for it.
 *
 * @example
 * ```ts
 * import { createClient } from '@tvs/client';
 *
 * const client = createClient();
 * const progress = await client.video.progress(
 *   { TaskId: 'task-id' },
 *   { timeout: 5_000, retry: { limit: 5 }, headers: { 'x-trace-id': 'abc' } },
 * );
 * ```
 */
export interface RequestOptions {
  /**
   * Aborts the call (waits between retries included). It rejects with the signal's reason, or,
   * for a call that is not idempotent and may already have been sent, with a
   * `TvsAmbiguousError` whose `cause` is that reason.
   */
  signal?: AbortSignal | undefined;
  /** The `Header.RequestID` to send (32 hex characters by default, generated). Kept across retries. */
  requestId?: string | undefined;
  /** Milliseconds each attempt may take, headers and body, overriding the client's `timeout`. */
  timeout?: number | false | undefined;
  /** Headers added to this call's requests (the SDK's own still go out). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Retry tuning for this call, over the client's; `false`: no retries. */
  retry?: RetryOptions | false | undefined;
  /** Hooks for this call, run after the client's. */
  hooks?: ClientHooks | undefined;
}

/** Options of `client.request`: {@link RequestOptions} plus what the client cannot know about a raw path. */
export interface RawRequestOptions extends RequestOptions {
  /**
   * Whether the call is safe to send twice. Defaults to what the operation table says about the
   * path, and to `false` for a path it does not know.
   */
  idempotent?: boolean | undefined;
}

/** What `client.request` resolves with, and the metadata of every typed call (`withResponse()`). */
export interface ApiResponse<P extends object = JsonObject> {
  /** The response `Payload`. */
  payload: P;
  /** The gateway's `RequestID` for the call. */
  requestId: string;
  /** The whole response `Header` (`Code` is 0), extra keys such as `SessionID` included. */
  header: ResponseHeader & { Code: 0 };
  /** The HTTP response, for its status and headers (its body has been read). */
  response: Response;
}

/** @internal */
export const REQUEST_OPTION_NAMES = [
  'signal',
  'requestId',
  'timeout',
  'headers',
  'retry',
  'hooks',
] as const;
