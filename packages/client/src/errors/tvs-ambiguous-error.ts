import type { TvsErrorJSON } from '@tvs/envelope';
import { type ClientErrorInit, TvsClientError } from './client-error.js';

/** What made the outcome unknowable. */
export type AmbiguousReason = 'timeout' | 'network' | 'http';

/**
 * A call that is not safe to repeat (it creates a task, a session or a room) failed after the
 * request may have reached the gateway: a timeout, a reset, a 5xx. The client does **not**
 * send it again, since that could create a second video (and bill it). Reconcile instead:
 * look the work up (for example with a progress or list call) before trying again. The
 * `requestId` is the one that was sent; quote it to support. `cause` holds the underlying error.
 *
 * @example
 * ```ts
 * try {
 *   await client.video.make({ VirtualmanKey: key, InputSsml: text });
 * } catch (error) {
 *   if (error instanceof TvsAmbiguousError) {
 *     await markForReconciliation(error.requestId); // never blindly resend
 *   }
 * }
 * ```
 */
export class TvsAmbiguousError extends TvsClientError {
  override name = 'TvsAmbiguousError';
  /** What happened: `timeout`, `network` (a reset or a dropped connection) or `http` (a 5xx). */
  readonly reason: AmbiguousReason;
  /** The operation or path that was called. */
  readonly operation: string;

  constructor(
    operation: string,
    reason: AmbiguousReason,
    detail: string,
    init: ClientErrorInit & { requestId: string },
  ) {
    super(
      `${operation} may or may not have been carried out by the gateway (${detail}); it was not sent again because it is not idempotent. Reconcile before retrying: check whether the work exists (for example with a progress or list call). RequestID ${init.requestId}`,
      'AMBIGUOUS',
      'ambiguous',
      false,
      init,
    );
    this.reason = reason;
    this.operation = operation;
  }

  override toJSON(): TvsErrorJSON {
    const json = super.toJSON();
    json.reason = this.reason;
    json.operation = this.operation;
    return json;
  }
}
