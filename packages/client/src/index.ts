/**
 * `@tvs/client`: the client for Tencent Cloud's TVS (AI Digital Human aPaaS) gateway. Every HTTP
 * operation typed and grouped by product, each attempt freshly signed with a skew-corrected
 * clock, and retries that never repeat work the gateway may already have done. Built on ky.
 * @packageDocumentation
 */

// The shared hierarchy, re-exported so one import covers every error the client throws, and the
// protocol's names a program built on the client alone needs (a batch runner, a callback
// receiver): codes, statuses, limits, the error lookups and the task-callback decoder.
export {
  API_CODES,
  type ApiErrorCategory,
  DOWNLINK_TYPE,
  type DownlinkMessage,
  decodeTaskCallback,
  describeErrorCode,
  describeFailCode,
  type ErrorCodeInfo,
  endsDrive,
  FAIL_CODES,
  LIMITS,
  LIVE_ROOM_STATUS,
  SESSION_STATUS,
  type SpeakStatus,
  type TaskCallback,
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
export type { PcmSource } from './command-channel/audio.js';
export {
  type ChannelState,
  CommandChannel,
  type CommandChannelOptions,
  type DriveHandle,
  type InterruptOptions,
  type InterruptResult,
  type ReconnectOptions,
  type SendAudioOptions,
  type SendAudioResult,
  type SendTextOptions,
  type StreamTextOptions,
  type StreamTextResult,
  type WaitOptions as DriveWaitOptions,
} from './command-channel/channel.js';
export {
  ChannelCloseEvent,
  ChannelMessageEvent,
  ChannelReconnectEvent,
  type CommandChannelEventMap,
} from './command-channel/events.js';
export type {
  WebSocketConstructor,
  WebSocketEventMap,
  WebSocketLike,
} from './command-channel/websocket.js';
export { TvsClientError } from './errors/client-error.js';
export { type AmbiguousReason, TvsAmbiguousError } from './errors/tvs-ambiguous-error.js';
export {
  type ChannelErrorReason,
  TvsChannelError,
} from './errors/tvs-channel-error.js';
export { TvsHttpError } from './errors/tvs-http-error.js';
export { TvsNetworkError } from './errors/tvs-network-error.js';
export { type SessionErrorReason, TvsSessionError } from './errors/tvs-session-error.js';
export { TvsTaskFailedError } from './errors/tvs-task-failed-error.js';
export { TvsTimeoutError } from './errors/tvs-timeout-error.js';
export { HOSTS, type Region } from './hosts.js';
export type { AttemptLog, Logger } from './logger.js';
export type {
  ClientOperationName,
  ClientRequest,
  ClientResponse,
  OperationCall,
} from './operation-call.js';
export type { ClientOptions } from './options.js';
export type { PageOptions } from './paginate.js';
export type { RetryOptions } from './retry-policy.js';
export type { DriveApi, DriveTextOptions } from './sessions/drive.js';
export type {
  LiveSession,
  OpenSessionOptions,
  OpenSessionRequest,
} from './sessions/lifecycle.js';
export type { WaitReadyOptions } from './sessions/wait-ready.js';
export type { ApiResponse, RawRequestOptions, RequestOptions } from './transport.js';
export { VERSION } from './version.js';
export type { WaitOptions } from './waiter.js';
