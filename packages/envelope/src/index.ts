/**
 * `@tvs/envelope`: the wire format of Tencent Cloud's TVS gateway — the `Header`/`Payload`
 * envelope and its codecs, the error table and error classes, one typed operation per endpoint,
 * command-channel frames and live-room callbacks. Pure: no Node APIs, no globals beyond
 * `TextEncoder`, `TextDecoder` and `crypto.getRandomValues`, so it runs unchanged in Node, Deno,
 * Bun, Workers and browsers.
 * @packageDocumentation
 */
export { MAX_MESSAGE_LENGTH } from './clip.js';
export {
  type AudioFrameInit,
  audioFrame,
  COMMAND_LIMITS,
  type DownlinkMessage,
  type DownlinkType,
  decodeDownlinkMessage,
  type HeartbeatData,
  heartbeatFrame,
  type SendAudioData,
  type SendStreamTextData,
  type SendTextData,
  type StreamTextFrameInit,
  streamTextFrame,
  type TextFrameInit,
  textFrame,
  type UplinkCommand,
  type UplinkFrame,
} from './command-channel.js';
export {
  CHANNEL_CLOSE_CODES,
  COMMAND_CHANNEL_PATH,
  COMMAND_PACING,
  commandChannelUrl,
  type DownlinkFrameInit,
  downlinkFrame,
  endsDrive,
  FINAL_SPEAK_STATUSES,
  type SpeakStatus,
} from './command-channel-protocol.js';
export { decodeRequest } from './decode-request.js';
export { type DecodeResponseOptions, decodeResponse } from './decode-response.js';
export { type EncodeRequestOptions, encodeRequest } from './encode-request.js';
export type {
  DecodedRequest,
  DecodedResponse,
  EncodedRequest,
  JsonObject,
  RequestHeader,
  ResponseHeader,
} from './envelope-types.js';
export {
  type ApiErrorCategory,
  describeErrorCode,
  type ErrorCodeInfo,
  errorTable,
} from './error-table.js';
export { TvsApiError, type TvsApiErrorInit } from './errors/tvs-api-error.js';
export {
  type EnvelopeErrorCode,
  TvsEnvelopeError,
  type TvsEnvelopeErrorInit,
} from './errors/tvs-envelope-error.js';
export {
  TvsError,
  type TvsErrorCategory,
  type TvsErrorJSON,
  type TvsErrorOptions,
} from './errors/tvs-error.js';
export { MAX_BODY_BYTES, MAX_DEPTH } from './limits.js';
export { decodeLiveRoomCallback, type LiveRoomCallback } from './live-room-callback.js';
export type {
  ImagesByAnchorRequest,
  PageRequest,
  SmallSampleAvatarList,
  TimbreList,
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
} from './operations/cloning.js';
export type { DriveCommandRequest } from './operations/drive.js';
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
  LiveRoomList,
  LiveRoomRequest,
  LiveRoomScript,
  LiveRoomStatus,
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
  SessionDriverType,
  SessionList,
  SessionProtocol,
  SessionRequest,
  SessionState,
  SessionStatus,
  SessionSummary,
} from './operations/sessions.js';
export type {
  PhotoToVideoRequest,
  PptProgress,
  ProgressRequest,
  SpeechParam,
  TaskStatus,
  TextTimestamp,
  TtsRequest,
  VideoDriverType,
  VideoMakeAdvancedRequest,
  VideoMakeNoTrainRequest,
  VideoMakeRequest,
  VideoMakeWithPptRequest,
  VideoParam,
  VideoProgress,
} from './operations/video.js';
export { isRequestId, newRequestId } from './request-id.js';
export { type GatewayMessageParts, splitGatewayMessage } from './split-message.js';
