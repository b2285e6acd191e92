/**
 * `@tvs/client`: the client for Tencent Cloud's TVS (AI Digital Human aPaaS) gateway. Every HTTP
 * operation typed and grouped by product, each attempt freshly signed with a skew-corrected
 * clock, and retries that never repeat work the gateway may already have done. Built on ky.
 * The README's "Public API" section lists what this entry exports; nothing else is public.
 * @packageDocumentation
 */

// Every payload the methods take or return, as the envelope's operation table types them.
export type {
  AnchorList,
  AnchorListRequest,
  CloneConfirmRequest,
  CloneMakeRequest,
  CloneMakeType,
  CloneProgress,
  CloneStage,
  CloneStatus,
  CreateSessionByAssetRequest,
  CreateSessionFields,
  CreateSessionRequest,
  CreateSessionResponse,
  DriveCommandData,
  DriveCommandRequest,
  EmptyResponse,
  FaceDetectRequest,
  FaceDetectState,
  ImagesByAnchorRequest,
  JsonObject,
  ListLiveRoomsRequest,
  ListSessionsByAssetRequest,
  ListSessionsByProjectRequest,
  ListSessionsRequest,
  LiveRoom,
  LiveRoomAck,
  LiveRoomList,
  LiveRoomRequest,
  LiveRoomScript,
  OpenLiveRoomRequest,
  PageRequest,
  PhotoToVideoRequest,
  PptProgress,
  ProgressRequest,
  ResponseHeader,
  SessionAck,
  SessionDriverType,
  SessionList,
  SessionProtocol,
  SessionRequest,
  SessionStat,
  SessionSummary,
  SmallSampleAvatarList,
  SmallSampleAvatarListRequest,
  SpeechParam,
  TakeoverRequest,
  TaskCreated,
  TextTimestamp,
  TimbreList,
  TimbreListRequest,
  TtsRequest,
  UploadCredentials,
  VideoDriverType,
  VideoMakeAdvancedRequest,
  VideoMakeNoTrainRequest,
  VideoMakeRequest,
  VideoMakeWithPptRequest,
  VideoParam,
  VideoProgress,
  VideoTaskStatus,
} from '@tvs/envelope';
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
export { ApiPromise, type WithResponse } from './api-promise.js';
export { createClient, type TvsClient } from './client.js';
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
export { type ChannelErrorReason, TvsChannelError } from './errors/tvs-channel-error.js';
export { TvsHttpError } from './errors/tvs-http-error.js';
export { TvsNetworkError } from './errors/tvs-network-error.js';
export { type SessionErrorReason, TvsSessionError } from './errors/tvs-session-error.js';
export { TvsTaskFailedError } from './errors/tvs-task-failed-error.js';
export { TvsTimeoutError } from './errors/tvs-timeout-error.js';
export type { ClientHooks, HookError, HookRequest, HookResponse, HookRetry } from './hooks.js';
export { HOSTS, type Region } from './hosts.js';
export type { AttemptLog, Logger } from './logger.js';
export type {
  ClientOperationName,
  ClientRequest,
  ClientResponse,
  OperationCall,
} from './operation-call.js';
export type { ClientOptions } from './options.js';
export type { PageFilters, PageOptions } from './paginate.js';
export {
  createPoller,
  type Poller,
  type PollerOptions,
  type PollHandle,
  type PollStep,
  type PollTarget,
  type TrackOptions,
} from './poller.js';
export type { ApiResponse, RawRequestOptions, RequestOptions } from './request-options.js';
export type { AssetsApi } from './resources/assets.js';
export type { CloneWaitOptions, CloningApi } from './resources/cloning.js';
export type { DriveApi, DriveTextOptions } from './resources/drive.js';
export type { FaceDetectApi } from './resources/face-detect.js';
export type { LiveRoomsApi } from './resources/live-rooms.js';
export type { PptApi } from './resources/ppt.js';
export type { SessionsApi } from './resources/sessions.js';
export type { VideoApi } from './resources/video.js';
export type { RetryOptions } from './retry-policy.js';
export type {
  LiveSession,
  OpenSessionOptions,
  OpenSessionRequest,
} from './sessions/lifecycle.js';
export type { WaitReadyOptions } from './sessions/wait-ready.js';
export { readTaskProgress, type TaskPhase, type TaskProgressState } from './task-progress.js';
export { VERSION } from './version.js';
export type { WaitOptions } from './waiter.js';
