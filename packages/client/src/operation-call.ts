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
import { ApiPromise, type WithResponse } from './api-promise.js';
import { TvsAmbiguousError } from './errors/tvs-ambiguous-error.js';
import type { Transport } from './internal/transport.js';
import type { RequestOptions } from './request-options.js';

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

/**
 * A typed operation: its request payload in, its response payload out (`withResponse()` adds
 * the metadata).
 */
export type OperationCall<N extends ClientOperationName> = (
  payload: ClientRequest<N>,
  options?: RequestOptions,
) => ApiPromise<ClientResponse<N>>;

/** Binds an operation of the table to the client's transport. @internal */
export type BindOperation = <N extends ClientOperationName>(name: N) => OperationCall<N>;

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
  const call = async (
    payload: ClientRequest<N>,
    options: RequestOptions | undefined,
  ): Promise<WithResponse<ClientResponse<N>>> => {
    let body = payload as JsonObject;
    if (needsReqId && body !== null && typeof body === 'object' && body['ReqId'] === undefined) {
      body = { ...body, ReqId: newRequestId() };
    }
    const problems = validateOperationRequest(op, body);
    if (problems.length > 0) {
      const list = problems.map((p) => `${p.field} must be ${p.expected}, got ${p.got}`);
      throw new TypeError(`${name}: ${list.join('; ')}`);
    }
    const result = await transport.send(name, op.idempotent, op.path, body, options);
    let data: ClientResponse<N>;
    try {
      data = decodeOperationResponse(op, result.payload, {
        requestId: result.requestId,
      }) as ClientResponse<N>;
    } catch (error) {
      // The gateway answered `Code` 0 without a field the SDK needs (a create's `TaskId`): it
      // acted, and what it made is unknown, so a create is as ambiguous as a lost answer.
      if (op.idempotent) throw error;
      throw new TvsAmbiguousError(name, 'body', 'the answer lacks a field the SDK needs', {
        requestId: result.requestId,
        cause: error,
      });
    }
    return { data, requestId: result.requestId, header: result.header, response: result.response };
  };
  return (payload, options) => new ApiPromise(call(payload, options));
}
