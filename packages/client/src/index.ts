/**
 * `@tvs/client`: the client for Tencent Cloud's TVS (AI Digital Human aPaaS) gateway. Every HTTP
 * operation typed and grouped by product, each attempt freshly signed with a skew-corrected
 * clock, and retries that never repeat work the gateway may already have done. Built on ky.
 * @packageDocumentation
 */

// The shared hierarchy, re-exported so one import covers every error the client throws.
export {
  TvsApiError,
  TvsEnvelopeError,
  TvsError,
  type TvsErrorCategory,
  type TvsErrorJSON,
} from '@tvs/envelope';
export {
  type AssetsApi,
  type CloneWaitOptions,
  type CloningApi,
  createClient,
  type FaceDetectApi,
  type LiveRoomsApi,
  type PageFilters,
  type PptApi,
  type SessionsApi,
  type TvsClient,
  type VideoApi,
} from './client.js';
export { TvsClientError } from './errors/client-error.js';
export { type AmbiguousReason, TvsAmbiguousError } from './errors/tvs-ambiguous-error.js';
export { TvsHttpError } from './errors/tvs-http-error.js';
export { TvsNetworkError } from './errors/tvs-network-error.js';
export { TvsTaskFailedError } from './errors/tvs-task-failed-error.js';
export { TvsTimeoutError } from './errors/tvs-timeout-error.js';
export { HOSTS, type Region } from './hosts.js';
export type { AttemptLog, Logger } from './logger.js';
export type { ClientRequest, ClientResponse, OperationCall } from './operation-call.js';
export type { ClientOperationName, OperationTypes } from './operation-types.js';
export type { ClientOptions } from './options.js';
export type { PageOptions } from './paginate.js';
export type { RetryOptions } from './retry-policy.js';
export type { ApiResponse, RawRequestOptions, RequestOptions } from './transport.js';
export { VERSION } from './version.js';
export type { WaitOptions } from './waiter.js';
