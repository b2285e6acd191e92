import type { TvsErrorJSON } from '@tvs/envelope';
import { type ClientErrorInit, TvsClientError } from './client-error.js';

/**
 * No response within the time allowed: `timeout` per attempt, or `totalTimeout` for the whole
 * call. Only idempotent calls end with this error; a call that creates something ends with a
 * {@link TvsAmbiguousError} instead, since the gateway may have acted.
 *
 * @example
 * ```ts
 * await client.video.progress({ TaskId: id }, { timeout: 2_000 }).catch((error) => {
 *   if (error instanceof TvsTimeoutError) console.log(`gave up after ${error.attempts} attempts`);
 * });
 * ```
 */
export class TvsTimeoutError extends TvsClientError {
  override name = 'TvsTimeoutError';
  /** The limit that was hit, in milliseconds, when known. */
  readonly timeoutMs: number | undefined;

  constructor(
    timeoutMs: number | undefined,
    init: ClientErrorInit,
    what = 'the gateway did not answer',
  ) {
    super(
      `${what} within ${timeoutMs === undefined ? 'the time allowed' : `${timeoutMs} ms`}`,
      'TIMEOUT',
      'timeout',
      true,
      init,
    );
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): TvsErrorJSON {
    const json = super.toJSON();
    if (this.timeoutMs !== undefined) json.timeoutMs = this.timeoutMs;
    return json;
  }
}
