import type { ResponseHeader } from '@tvs/envelope';

/** A call's result with its response metadata: what `withResponse()` resolves with. */
export interface WithResponse<T> {
  /** What the plain call resolves with. */
  data: T;
  /** The gateway's `RequestID` for the call. */
  requestId: string;
  /** The whole response `Header` (`Code` is 0), extra keys such as `SessionID` included. */
  header: ResponseHeader & { Code: 0 };
  /** The HTTP response, for its status and headers (its body has been read). */
  response: Response;
}

/**
 * What every typed method returns: a promise of the payload, as a plain `await` gives it, with
 * `withResponse()` for the response metadata (in the manner of openai-node's `APIPromise`).
 *
 * @example
 * ```ts
 * import { createClient } from '@tvs/client';
 *
 * const client = createClient();
 * const progress = await client.video.progress({ TaskId: 'task-id' }); // the payload
 * const { data, requestId, header, response } = await client.video
 *   .progress({ TaskId: 'task-id' })
 *   .withResponse();
 * console.log(data.Status, requestId, header.Code, response.status);
 * ```
 */
export class ApiPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  /** @internal */
  constructor(result: Promise<WithResponse<T>>) {
    // The base promise is never used: `then`, `catch` and `finally` read `#result`.
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  /** The result with its metadata: `{ data, requestId, header, response }`. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  #payload(): Promise<T> {
    this.#data ??= this.#result.then((result) => result.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: a promise's own `then`, delegating to the result.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#payload().then(onfulfilled, onrejected);
  }

  override catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<T | R> {
    return this.#payload().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#payload().finally(onfinally);
  }
}
