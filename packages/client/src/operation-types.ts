import type {
  CloneConfirmRequest,
  CloneMakeRequest,
  CloneProgress,
  CreateSessionByAssetRequest,
  CreateSessionRequest,
  CreateSessionResponse,
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
  LiveRoomList,
  LiveRoomRequest,
  OpenLiveRoomRequest,
  PageRequest,
  PhotoToVideoRequest,
  PptProgress,
  ProgressRequest,
  SessionList,
  SessionRequest,
  SessionState,
  SmallSampleAvatarList,
  TakeoverRequest,
  TaskCreated,
  TimbreList,
  TtsRequest,
  VideoMakeAdvancedRequest,
  VideoMakeNoTrainRequest,
  VideoMakeRequest,
  VideoMakeWithPptRequest,
  VideoProgress,
} from '@tvs/envelope';

/**
 * The request and response payload types of every HTTP operation the client exposes, keyed by
 * the operation table's names. The table in `@tvs/envelope` drives paths, idempotency and field
 * checks at run time; this map carries its types (its `operations` object is typed too loosely
 * to derive them from).
 */
export interface OperationTypes {
  'video.make': [VideoMakeRequest, TaskCreated];
  'video.makeAdvanced': [VideoMakeAdvancedRequest, TaskCreated];
  'video.makeNoTrain': [VideoMakeNoTrainRequest, TaskCreated];
  'video.photoToVideo': [PhotoToVideoRequest, TaskCreated];
  'video.tts': [TtsRequest, TaskCreated];
  'video.progress': [ProgressRequest, VideoProgress];
  'video.makeWithPpt': [VideoMakeWithPptRequest, TaskCreated];
  'video.pptProgress': [ProgressRequest, PptProgress];
  'assets.timbres': [PageRequest, TimbreList];
  'assets.smallSampleAvatars': [PageRequest, SmallSampleAvatarList];
  'assets.anchors': [JsonObject, JsonObject];
  'assets.imagesByAnchor': [ImagesByAnchorRequest, JsonObject];
  'cloning.uploadCredentials': [JsonObject, JsonObject];
  'cloning.make': [CloneMakeRequest, TaskCreated];
  'cloning.progress': [ProgressRequest, CloneProgress];
  'cloning.confirm': [CloneConfirmRequest, EmptyResponse];
  'faces.detect': [FaceDetectRequest, TaskCreated];
  'faces.detectState': [ProgressRequest, FaceDetectState];
  'liveRooms.open': [OpenLiveRoomRequest, LiveRoom];
  'liveRooms.get': [LiveRoomRequest, LiveRoom];
  'liveRooms.list': [ListLiveRoomsRequest, LiveRoomList];
  'liveRooms.takeover': [TakeoverRequest, EmptyResponse];
  'liveRooms.close': [LiveRoomRequest, EmptyResponse];
  'sessions.create': [CreateSessionRequest, CreateSessionResponse];
  'sessions.createByAsset': [CreateSessionByAssetRequest, CreateSessionResponse];
  'sessions.stat': [SessionRequest, SessionState];
  'sessions.start': [SessionRequest, EmptyResponse];
  'sessions.close': [SessionRequest, EmptyResponse];
  'sessions.list': [ListSessionsRequest, SessionList];
  'sessions.listByProject': [ListSessionsByProjectRequest, SessionList];
  'sessions.listByAsset': [ListSessionsByAssetRequest, SessionList];
  'drive.command': [DriveCommandRequest, EmptyResponse];
}

/** The name of an operation the client exposes, such as `'video.make'`. */
export type ClientOperationName = keyof OperationTypes;
