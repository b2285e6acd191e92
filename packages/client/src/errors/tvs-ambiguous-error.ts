import type { TvsErrorJSON } from '@tvs/envelope';
import { type ClientErrorInit, TvsClientError } from './client-error.js';

/**
 * What made the outcome unknowable: `timeout` (no complete answer in time), `network` (a reset
 * or a dropped connection after sending), `http` (a 5xx or 408 page), `code` (a gateway code
 * after which it may have acted, such as -101000), `body` (a 2xx answer that was cut off, not
 * JSON, not an envelope or too large), `aborted` (the caller's signal, after sending).
 */
export type AmbiguousReason = 'timeout' | 'network' | 'http' | 'code' | 'body' | 'aborted';

/** What a {@link TvsAmbiguousError} is built from. @internal */
export interface AmbiguousErrorInit extends ClientErrorInit {
  requestId: string;
  /** The gateway's `Code`, for `reason: 'code'`. */
  gatewayCode?: number | undefined;
}

/**
 * A call that is not safe to repeat (it creates a task, a session or a room) failed after the
 * request may have reached the gateway: a timeout, a reset, a 5xx, an internal error code, a
 * cut-off answer, an abort after sending. The client does **not** send it again, since that
 * could create a second video (and bill it). Reconcile instead: look the work up (for example
 * with a progress or list call) before trying again. The `requestId` is the one that was sent;
 * quote it to support. `cause` holds the underlying error (for `aborted`, the signal's reason).
 *
 * @example
 * ```ts
 * import { createClient, TvsAmbiguousError } from '@tvs/client';
 *
 * const client = createClient();
 * try {
 *   await client.video.make({ VirtualmanKey: 'vk', InputSsml: 'Hi', SpeechParam: { Speed: 1 } });
 * } catch (error) {
 *   if (error instanceof TvsAmbiguousError) {
 *     console.log('reconcile before resending', error.requestId, error.reason);
 *   }
 * }
 * ```
 */
export class TvsAmbiguousError extends TvsClientError {
  override name = 'TvsAmbiguousError';
  /** What happened: see {@link AmbiguousReason}. */
  readonly reason: AmbiguousReason;
  /** The operation or path that was called. */
  readonly operation: string;
  /** The gateway's `Code` when it answered one after which it may have acted (`reason: 'code'`). */
  readonly gatewayCode: number | undefined;

  constructor(
    operation: string,
    reason: AmbiguousReason,
    detail: string,
    init: AmbiguousErrorInit,
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
    this.gatewayCode = init.gatewayCode;
  }

  override toJSON(): TvsErrorJSON {
    const json = super.toJSON();
    json.reason = this.reason;
    json.operation = this.operation;
    if (this.gatewayCode !== undefined) json.gatewayCode = this.gatewayCode;
    return json;
  }
}
