/**
 * `@tvs/envelope`: the wire format of Tencent Cloud's TVS gateway, defined once from Tencent's
 * pages — the `Header`/`Payload` envelope and its codecs, the codes, statuses and limits, the
 * two error tables and the error classes, one typed operation per endpoint, command-channel
 * frames and callbacks. What only a server needs is in `@tvs/envelope/server`. Pure: no Node
 * APIs, no globals beyond `TextEncoder`, `TextDecoder` and `crypto.getRandomValues`, so it runs
 * unchanged in Node, Deno, Bun, Workers and browsers.
 * @packageDocumentation
 */
export { API_CODES, type ApiCode } from './codes/api-codes.js';
export { DOWNLINK_TYPE, type DownlinkType } from './codes/downlink-type.js';
export { FAIL_CODES, type FailCode } from './codes/fail-codes.js';
export { LIVE_ROOM_STATUS, type LiveRoomStatus } from './codes/live-room-status.js';
export { SESSION_STATUS, type SessionStatus } from './codes/session-status.js';
export { type DownlinkMessage, decodeDownlinkMessage } from './command-channel/downlink.js';
export {
  CHANNEL_CLOSE_CODES,
  COMMAND_CHANNEL_PATH,
  commandChannelUrl,
  endsDrive,
  FINAL_SPEAK_STATUSES,
  type SpeakStatus,
} from './command-channel/protocol.js';
export {
  type AudioFrameInit,
  audioFrame,
  heartbeatFrame,
  type StreamTextFrameInit,
  streamTextFrame,
  type TextFrameInit,
  textFrame,
} from './command-channel/uplink-frames.js';
export type {
  HeartbeatData,
  SendAudioData,
  SendStreamTextData,
  SendTextData,
  UplinkCommand,
  UplinkFrame,
} from './command-channel/uplink-types.js';
export { type DecodeResponseOptions, decodeResponse } from './decode-response.js';
export { type EncodeRequestOptions, encodeRequest } from './encode-request.js';
export type {
  DecodedResponse,
  EncodedRequest,
  JsonObject,
  RequestHeader,
  ResponseHeader,
} from './envelope-types.js';
export { apiErrorTable } from './error-tables/api-error-table.js';
export { describeErrorCode } from './error-tables/describe-error-code.js';
export { describeFailCode } from './error-tables/describe-fail-code.js';
export type { ApiErrorCategory, ErrorCodeInfo, ErrorRow } from './error-tables/error-row.js';
export { failCodeTable } from './error-tables/fail-code-table.js';
export { TvsApiError, type TvsApiErrorInit } from './errors/tvs-api-error.js';
export { type EnvelopeErrorCode, TvsEnvelopeError } from './errors/tvs-envelope-error.js';
export {
  TvsError,
  type TvsErrorCategory,
  type TvsErrorJSON,
  type TvsErrorOptions,
} from './errors/tvs-error.js';
export { LIMITS } from './limits.js';
export { decodeLiveRoomCallback, type LiveRoomCallback } from './live-room-callback.js';
export type {
  AnchorList,
  AnchorListRequest,
  ImagesByAnchorRequest,
  PageRequest,
  SmallSampleAvatarList,
  SmallSampleAvatarListRequest,
  TimbreList,
  TimbreListRequest,
} from './operations/assets.js';
export {
  type DecodeOperationOptions,
  decodeOperationResponse,
  type FieldProblem,
  validateOperationRequest,
} from './operations/check-fields.js';
export type {
  CloneConfirmRequest,
  CloneMakeRequest,
  CloneMakeType,
  CloneProgress,
  CloneStage,
  CloneStatus,
  UploadCredentials,
} from './operations/cloning.js';
export type { DriveCommandData, DriveCommandRequest } from './operations/drive.js';
export type { FaceDetectRequest, FaceDetectState } from './operations/faces.js';
export {
  type OperationName,
  type OperationRequest,
  type OperationResponse,
  type Operations,
  operationByPath,
  operations,
} from './operations/index.js';
export type {
  ListLiveRoomsRequest,
  LiveRoom,
  LiveRoomAck,
  LiveRoomList,
  LiveRoomRequest,
  LiveRoomScript,
  OpenLiveRoomRequest,
  TakeoverRequest,
} from './operations/live-rooms.js';
export type {
  EmptyResponse,
  FieldType,
  FieldTypes,
  Operation,
  RequestOf,
  ResponseOf,
  TaskCreated,
} from './operations/operation.js';
export type {
  CreateSessionByAssetRequest,
  CreateSessionFields,
  CreateSessionRequest,
  CreateSessionResponse,
  ListSessionsByAssetRequest,
  ListSessionsByProjectRequest,
  ListSessionsRequest,
  SessionAck,
  SessionDriverType,
  SessionList,
  SessionProtocol,
  SessionRequest,
  SessionStat,
  SessionSummary,
} from './operations/sessions.js';
export type {
  PhotoToVideoRequest,
  PptProgress,
  ProgressRequest,
  SpeechParam,
  TextTimestamp,
  TtsRequest,
  VideoDriverType,
  VideoMakeAdvancedRequest,
  VideoMakeNoTrainRequest,
  VideoMakeRequest,
  VideoMakeWithPptRequest,
  VideoParam,
  VideoProgress,
  VideoTaskStatus,
} from './operations/video-types.js';
export { redactSignatures } from './redact-signatures.js';
export { isRequestId, newRequestId } from './request-id.js';
export { decodeTaskCallback, type TaskCallback } from './task-callback.js';
