import { type ClientErrorInit, TvsClientError } from './client-error.js';

/**
 * The request failed below HTTP: connection refused, DNS failure, a reset. `sent` tells
 * whether the request may have reached the gateway. Only idempotent calls, or calls that were
 * certainly not sent, end with this error; otherwise the client throws a
 * {@link TvsAmbiguousError}.
 *
 * @example
 * ```ts
 * try {
 *   await client.assets.listTimbres({ PageIndex: 1, PageSize: 10 });
 * } catch (error) {
 *   if (error instanceof TvsNetworkError) console.log(error.message, error.cause);
 * }
 * ```
 */
export class TvsNetworkError extends TvsClientError {
  override name = 'TvsNetworkError';
  /** `false` when the failure happened before the request left (connection refused, DNS). */
  readonly sent: boolean;

  constructor(detail: string, sent: boolean, init: ClientErrorInit) {
    super(`network error talking to the gateway: ${detail}`, 'NETWORK', 'network', true, init);
    this.sent = sent;
  }
}
