import type { TvsErrorJSON } from '@tvs/envelope';
import { type ClientErrorInit, TvsClientError } from './client-error.js';

/** The longest body excerpt (in characters) a {@link TvsHttpError} keeps. */
const MAX_EXCERPT = 200;

/**
 * The gateway (or a proxy in front of it) answered with an HTTP error status and a body that is
 * not a gateway envelope, such as a 502 HTML page. Carries the `status` and a short excerpt of
 * the body.
 *
 * @example
 * ```ts
 * try {
 *   await client.video.progress({ TaskId: id });
 * } catch (error) {
 *   if (error instanceof TvsHttpError) console.log(error.status, error.bodyExcerpt);
 * }
 * ```
 */
export class TvsHttpError extends TvsClientError {
  override name = 'TvsHttpError';
  /** The HTTP status code. */
  readonly status: number;
  /** The start of the response body (at most 200 characters, whitespace collapsed). */
  readonly bodyExcerpt: string;

  constructor(status: number, body: string, init: ClientErrorInit) {
    const excerpt = body.replace(/\s+/g, ' ').trim().slice(0, MAX_EXCERPT);
    const retryable = status === 429 || status === 503;
    super(
      `HTTP ${status} from the gateway${excerpt ? `: ${excerpt}` : ''}`,
      `HTTP_${status}`,
      'http',
      retryable,
      { ...init, httpStatus: status },
    );
    this.status = status;
    this.bodyExcerpt = excerpt;
  }

  override toJSON(): TvsErrorJSON {
    const json = super.toJSON();
    json.status = this.status;
    json.bodyExcerpt = this.bodyExcerpt;
    return json;
  }
}
