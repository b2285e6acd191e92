import type { JsonObject } from '../envelope-types.js';

/**
 * The JSON type of a field, as simple as the mock gateway needs to validate requests and the
 * SDK needs to validate responses: `'string' | 'number' | 'boolean' | 'object' | 'array'`.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

/** Field names mapped to their {@link FieldType}. */
export type FieldTypes = Readonly<Record<string, FieldType>>;

/**
 * One endpoint of the gateway, as data. `Req` and `Res` are the payload types of its request
 * and response; they exist only for the type checker (`types` is never set at run time).
 *
 * @example
 * ```ts
 * import { operations, type RequestOf } from '@tvs/envelope';
 * const op = operations['video.progress'];
 * op.path; // '/v2/ivh/videomaker/broadcastservice/getprogress'
 * const payload: RequestOf<typeof op> = { TaskId: 't1' };
 * ```
 */
export interface Operation<Req extends object = JsonObject, Res extends object = JsonObject> {
  /** Stable name, `product.action`, the key of this operation in {@link operations}. */
  readonly name: string;
  /** The URL path, starting with `/v2/ivh/`. Every call is a `POST`. */
  readonly path: string;
  /**
   * Tencent's pages for this endpoint, newest first: the Chinese page
   * (`cloud.tencent.com/document/product/1240/…`), then the English one when there is one.
   */
  readonly doc: readonly string[];
  /**
   * Safe to send again after an ambiguous failure (a timeout after the request left): reads,
   * progress queries and state changes that converge (start, close, confirm) are; anything
   * that creates a task, a session or a room, or makes the avatar speak, is not.
   */
  readonly idempotent: boolean;
  /**
   * Request fields the page marks required (必选), with their types; a dotted name is a field of
   * an object (`SpeechParam.Speed`). Conditional ones are documented on `Req`, not enforced.
   */
  readonly required: FieldTypes;
  /**
   * Response fields the SDK relies on, checked by {@link decodeOperationResponse}: only those
   * the page marks required and its examples show.
   */
  readonly returns: FieldTypes;
  /** Type-level only: never present at run time. */
  readonly types?: { readonly request: Req; readonly response: Res };
}

/** The request payload type of an operation. */
export type RequestOf<O> = O extends Operation<infer Req, object> ? Req : never;

/** The response payload type of an operation. */
export type ResponseOf<O> = O extends Operation<object, infer Res> ? Res : never;

/** The response of every operation that starts an asynchronous task. */
export interface TaskCreated {
  /** The task's id, for the matching progress call. Always a string here, even when the gateway sends a number. */
  TaskId: string;
  [key: string]: unknown;
}

/** A response the SDK reads nothing from (the gateway may still send fields; they are kept). */
export type EmptyResponse = JsonObject;
