import { assetOperations } from './assets.js';
import { cloningOperations } from './cloning.js';
import { driveOperations } from './drive.js';
import { faceOperations } from './faces.js';
import { liveRoomOperations } from './live-rooms.js';
import type { Operation, RequestOf, ResponseOf } from './operation.js';
import { sessionOperations } from './sessions.js';
import { videoOperations } from './video.js';

/**
 * Every endpoint of the gateway, keyed by its stable name (`product.action`): path, whether it
 * is idempotent, required request fields, the response fields the SDK relies on, and (for the
 * type checker) its request and response payload types.
 *
 * @example
 * ```ts
 * import { operations } from '@tvs/envelope';
 * for (const op of Object.values(operations)) console.log(op.name, op.path, op.idempotent);
 * ```
 */
// Object.assign with a pure annotation rather than spread: bundlers can then drop the whole
// table from a build that only decodes envelopes.
export const operations: typeof videoOperations &
  typeof sessionOperations &
  typeof driveOperations &
  typeof assetOperations &
  typeof cloningOperations &
  typeof faceOperations &
  typeof liveRoomOperations = /* @__PURE__ */ Object.assign(
  {},
  videoOperations,
  sessionOperations,
  driveOperations,
  assetOperations,
  cloningOperations,
  faceOperations,
  liveRoomOperations,
);

/** The operation table's type. */
export type Operations = typeof operations;

/** The stable name of an operation, such as `'video.make'`. */
export type OperationName = keyof Operations;

/**
 * The operation served at a URL path (`/v2/ivh/…`, without the query), or `undefined`.
 *
 * @example
 * ```ts
 * import { operationByPath } from '@tvs/envelope';
 * operationByPath(new URL(request.url).pathname)?.name; // e.g. 'video.progress'
 * ```
 */
export function operationByPath(path: string): Operation | undefined {
  for (const op of Object.values(operations) as Operation[]) if (op.path === path) return op;
  return undefined;
}

/** The request payload type of the operation named `N`. */
export type OperationRequest<N extends OperationName> = RequestOf<Operations[N]>;

/** The response payload type of the operation named `N`. */
export type OperationResponse<N extends OperationName> = ResponseOf<Operations[N]>;
