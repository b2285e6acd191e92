import {
  decodeOperationResponse,
  type JsonObject,
  newRequestId,
  type Operation,
  type OperationName,
  type OperationRequest,
  type OperationResponse,
  operations,
  validateOperationRequest,
} from '@tvs/envelope';
import { withAttempts } from './errors/client-error.js';
import type { RequestOptions, Transport } from './transport.js';

/** The name of an operation the client exposes, such as `'video.make'`: every operation of the envelope's table. */
export type ClientOperationName = OperationName;

/** `R` without `K`, keeping an index signature and the other known fields. */
type Without<R, K extends PropertyKey> = { [P in keyof R as P extends K ? never : P]: R[P] };

/**
 * A request payload as the client's methods take it: an operation's `ReqId` (32 hex, for the
 * session and live-room calls) is optional, and generated when left out.
 */
export type ClientRequest<N extends ClientOperationName> =
  OperationRequest<N> extends {
    ReqId: string;
  }
    ? Without<OperationRequest<N>, 'ReqId'> & { ReqId?: string }
    : OperationRequest<N>;

/** The response payload of an operation, as the envelope's operation table types it. */
export type ClientResponse<N extends ClientOperationName> = OperationResponse<N>;

/** A typed operation: its request payload in, its response payload out. */
export type OperationCall<N extends ClientOperationName> = (
  payload: ClientRequest<N>,
  options?: RequestOptions,
) => Promise<ClientResponse<N>>;

/**
 * Binds an entry of the envelope's operation table to the transport: fills a missing `ReqId`,
 * checks the required fields before anything is sent (a `TypeError` naming them), sends with
 * the table's idempotency, and checks the response fields the SDK relies on. @internal
 */
export function operationCall<N extends ClientOperationName>(
  transport: Transport,
  name: N,
): OperationCall<N> {
  const op = operations[name] as Operation<object, object>;
  const needsReqId = Object.hasOwn(op.required, 'ReqId');
  return async (payload, options) => {
    let body = payload as JsonObject;
    if (needsReqId && body !== null && typeof body === 'object' && body['ReqId'] === undefined) {
      body = { ...body, ReqId: newRequestId() };
    }
    const problems = validateOperationRequest(op, body);
    if (problems.length > 0) {
      const list = problems.map((p) => `${p.field} must be ${p.expected}, got ${p.got}`);
      throw new TypeError(`${name}: ${list.join('; ')}`);
    }
    const { payload: response, requestId } = await transport.send(
      name,
      op.idempotent,
      op.path,
      body,
      options,
    );
    try {
      return decodeOperationResponse(op, response, { requestId }) as ClientResponse<N>;
    } catch (error) {
      throw error instanceof Error ? withAttempts(error, 1) : error;
    }
  };
}
