import { TvsError, type TvsErrorCategory, type TvsErrorJSON } from '@tvs/envelope';

/** What the transport's errors are built from. @internal */
export interface ClientErrorInit {
  /** The call's `RequestID` (ours, or the gateway's when it sent one). */
  requestId?: string | undefined;
  /** How many times the request was sent (or attempted). */
  attempts?: number | undefined;
  httpStatus?: number | undefined;
  cause?: unknown;
}

/**
 * The base of the errors this package adds to `@tvs/envelope`'s hierarchy. Adds `attempts`
 * (how many times the call was sent) to `requestId`, `code`, `category` and `toJSON()`.
 *
 * @example
 * ```ts
 * import { TvsClientError } from '@tvs/client';
 * try {
 *   await client.video.progress({ TaskId });
 * } catch (error) {
 *   if (error instanceof TvsClientError) console.log(error.code, error.requestId, error.attempts);
 * }
 * ```
 */
export abstract class TvsClientError extends TvsError {
  /** How many attempts the call made before failing (1 when it was never retried). */
  readonly attempts: number | undefined;

  constructor(
    message: string,
    code: string,
    category: TvsErrorCategory,
    retryable: boolean,
    init: ClientErrorInit,
  ) {
    super(message, {
      code,
      category,
      retryable,
      requestId: init.requestId,
      httpStatus: init.httpStatus,
      cause: init.cause,
    });
    this.attempts = init.attempts;
  }

  override toJSON(): TvsErrorJSON {
    const json = super.toJSON();
    if (this.attempts !== undefined) json.attempts = this.attempts;
    return json;
  }
}

/**
 * Records `attempts` on an error this package did not construct (a `TvsApiError` or
 * `TvsEnvelopeError` from `@tvs/envelope`), so every error of a call carries it, in `toJSON()`
 * too. @internal
 */
export function withAttempts<E extends Error>(error: E, attempts: number): E {
  if (!(error instanceof TvsError)) return error;
  if (error instanceof TvsClientError) {
    if (error.attempts === undefined) (error as { attempts: number }).attempts = attempts;
    return error;
  }
  Object.defineProperty(error, 'attempts', {
    value: attempts,
    enumerable: true,
    configurable: true,
  });
  const toJSON = Object.getPrototypeOf(error).toJSON as () => object;
  Object.defineProperty(error, 'toJSON', {
    value: () => ({ ...toJSON.call(error), attempts }),
    enumerable: false,
    configurable: true,
  });
  return error;
}
