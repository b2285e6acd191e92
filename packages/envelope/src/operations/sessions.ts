import type { SessionStatus } from '../codes/session-status.js';
import type { JsonObject } from '../envelope-types.js';
import type { Operation } from './operation.js';
import type { SpeechParam } from './video-types.js';

/** How the stream reaches viewers, lower case (1240/100388). Open: Tencent adds protocols. */
export type SessionProtocol = 'rtmp' | 'trtc' | 'webrtc' | (string & {});

/**
 * What drives an interactive session (1240/100388): `1` text only (`SEND_TEXT`), `3` audio
 * (`SEND_AUDIO`) and text.
 */
export type SessionDriverType = 1 | 3;

/** Every session call carries a request id. */
interface WithReqId {
  /** 32 hex characters, no dashes (see `newRequestId`). */
  ReqId: string;
}

/** Fields shared by the two session-creating calls. */
export interface CreateSessionFields extends WithReqId {
  /** Your end user. A new stream with the same `UserId` closes the old one. */
  UserId: string;
  Protocol: SessionProtocol;
  /** Required by the English pages (1211/62102, 62103); the Chinese pages render no column. */
  DriverType: SessionDriverType;
  /**
   * Protocol settings: with `trtc`, `TrtcUseExternalApp`, `TrtcAppId`, `TrtcRoomId` (at most
   * 4294967294) or `TrtcStrRoomId`, `TrtcAutoGenRoomIdType` (0 numeric, 1 string), `TrtcUserSig`,
   * `TrtcPrivateMapKey`; with any protocol, `CssCustomPushUrl` (an rtmp push URL).
   */
  ProtocolOption?: JsonObject;
  /** Stream-creation extensions (such as `AlphaChannelEnable`), passed through unchanged. */
  ExtraInfo?: JsonObject;
  /**
   * Milliseconds, 2000–6000 (default 2000): after this long without a streaming-text chunk (in
   * non-clause mode) or an audio packet, the server ends the sequence itself (1240/100388,
   * 1240/100399). Clause-mode sequences (`IsSentence`) must send their own final packet.
   */
  StreamMaxInterval?: number;
  [key: string]: unknown;
}

/** Request of `sessions.create` (`createsession`): a session of a console project. */
export interface CreateSessionRequest extends CreateSessionFields {
  VirtualmanProjectId: string;
}

/** Request of `sessions.createByAsset` (`createsessionbyasset`): a session of an avatar asset. */
export interface CreateSessionByAssetRequest extends CreateSessionFields {
  AssetVirtualmanKey: string;
  SpeechParam?: SpeechParam;
  /** Layers behind the avatar; backgrounds and foregrounds together at most 5. */
  Backgrounds?: JsonObject[];
  /** Layers in front of the avatar; backgrounds and foregrounds together at most 5. */
  Foregrounds?: JsonObject[];
}

/**
 * Response of the session-creating calls. Their response tables could not be read; the
 * tutorial (1240/110194) reads `SessionId` and `PlayStreamAddr`.
 */
export interface CreateSessionResponse {
  SessionId: string;
  /** See {@link SESSION_STATUS}. */
  SessionStatus?: SessionStatus;
  /** Where to play the stream. */
  PlayStreamAddr?: string;
  [key: string]: unknown;
}

/** Request of the calls about one session: stat, start, close. */
export interface SessionRequest extends WithReqId {
  SessionId: string;
}

/** Response of `sessions.stat` (`statsession`, 1240/100389). */
export interface SessionStat {
  /** See {@link SESSION_STATUS}: 1 ready, 2 closed, 3 preparing, 4 failed. */
  SessionStatus: SessionStatus;
  /** Where to play the stream, once created. */
  PlayStreamAddr?: string;
  /** The avatar's speaking state (`Initial`, `TextStart`, `TextOver`, `AudioStart`… see `SpeakStatus`). */
  SpeakStatus?: string;
  /** Whether `startsession` was called; stays `true` once it was, whatever the state. */
  IsSessionStarted?: boolean;
  /** The state's error code (an API code, see `describeErrorCode`); 0 when all is well. */
  ErrorCode?: number;
  ErrorMessage?: string;
  /** The request's `ReqId`, echoed. */
  ReqId?: string;
  [key: string]: unknown;
}

/** Request of `sessions.list` (`listsessionofuin`): every session of the account. */
export interface ListSessionsRequest extends WithReqId {
  [key: string]: unknown;
}

/** Request of `sessions.listByProject` (`listsessionofprojectid`). */
export interface ListSessionsByProjectRequest extends ListSessionsRequest {
  VirtualmanProjectId: string;
}

/** Request of `sessions.listByAsset` (`listsessionofassetvk`). */
export interface ListSessionsByAssetRequest extends ListSessionsRequest {
  AssetVirtualmanKey: string;
}

/** One row of a session list (1240/100393). */
export interface SessionSummary {
  UserId: string;
  SessionId: string;
  /** See {@link SESSION_STATUS}. */
  SessionStatus: SessionStatus;
  PlayStreamAddr?: string;
  /** Typed as a string on the pages, sent as a number in every example. */
  DriverType?: SessionDriverType | `${SessionDriverType}`;
  IsSessionStarted?: boolean;
  /** Avatar type, such as `small_sample_2d`. */
  VirtualmanType?: string;
  /** `0` created with a project id, `1` with an asset key. */
  CreateType?: number;
  VirtualmanKey?: string;
  AssetVirtualmanKey?: string;
  VirtualmanProjectId?: string;
  [key: string]: unknown;
}

/** Response of the session lists. An absent or `null` list reads as `[]`. */
export interface SessionList {
  Sessions: SessionSummary[];
  [key: string]: unknown;
}

const ONE = { ReqId: 'string', SessionId: 'string' } as const;
const LIST = { Sessions: 'array' } as const;

/** The response of a session call that returns nothing else: the request's `ReqId`. */
export interface SessionAck {
  ReqId?: string;
  [key: string]: unknown;
}

/** Interactive sessions: create, create by asset, stat, start, close and the three lists. */
export const sessionOperations: {
  readonly 'sessions.create': Operation<CreateSessionRequest, CreateSessionResponse>;
  readonly 'sessions.createByAsset': Operation<CreateSessionByAssetRequest, CreateSessionResponse>;
  readonly 'sessions.stat': Operation<SessionRequest, SessionStat>;
  readonly 'sessions.start': Operation<SessionRequest, SessionAck>;
  readonly 'sessions.close': Operation<SessionRequest, SessionAck>;
  readonly 'sessions.list': Operation<ListSessionsRequest, SessionList>;
  readonly 'sessions.listByProject': Operation<ListSessionsByProjectRequest, SessionList>;
  readonly 'sessions.listByAsset': Operation<ListSessionsByAssetRequest, SessionList>;
} = {
  'sessions.create': {
    name: 'sessions.create',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/createsession',
    doc: [
      'https://cloud.tencent.com/document/product/1240/100388',
      'https://www.tencentcloud.com/document/product/1211/62102',
    ],
    idempotent: false,
    // Required flags from the English page: the newer Chinese one renders no values.
    required: {
      ReqId: 'string',
      UserId: 'string',
      Protocol: 'string',
      DriverType: 'number',
      VirtualmanProjectId: 'string',
    },
    returns: { SessionId: 'string' },
  },
  'sessions.createByAsset': {
    name: 'sessions.createByAsset',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/createsessionbyasset',
    doc: [
      'https://cloud.tencent.com/document/product/1240/106612',
      'https://www.tencentcloud.com/document/product/1211/62103',
    ],
    idempotent: false,
    // Required flags from the English page (2026-04), the newest.
    required: {
      ReqId: 'string',
      UserId: 'string',
      Protocol: 'string',
      DriverType: 'number',
      AssetVirtualmanKey: 'string',
    },
    returns: { SessionId: 'string' },
  },
  'sessions.stat': {
    name: 'sessions.stat',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/statsession',
    doc: [
      'https://cloud.tencent.com/document/product/1240/100389',
      'https://www.tencentcloud.com/document/product/1211/62104',
    ],
    idempotent: true,
    required: ONE,
    returns: { SessionStatus: 'number' },
  },
  'sessions.start': {
    name: 'sessions.start',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/startsession',
    doc: [
      'https://cloud.tencent.com/document/product/1240/100390',
      'https://www.tencentcloud.com/document/product/1211/62105',
    ],
    idempotent: true,
    required: ONE,
    returns: {},
  },
  'sessions.close': {
    name: 'sessions.close',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/closesession',
    doc: [
      'https://cloud.tencent.com/document/product/1240/100391',
      'https://www.tencentcloud.com/document/product/1211/62106',
    ],
    idempotent: true,
    required: ONE,
    returns: {},
  },
  'sessions.list': {
    name: 'sessions.list',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/listsessionofuin',
    doc: [
      'https://cloud.tencent.com/document/product/1240/100393',
      'https://www.tencentcloud.com/document/product/1211/62109',
    ],
    idempotent: true,
    required: { ReqId: 'string' },
    returns: LIST,
  },
  'sessions.listByProject': {
    name: 'sessions.listByProject',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/listsessionofprojectid',
    doc: ['https://www.tencentcloud.com/document/product/1211/62107'],
    idempotent: true,
    required: { ReqId: 'string', VirtualmanProjectId: 'string' },
    returns: LIST,
  },
  'sessions.listByAsset': {
    name: 'sessions.listByAsset',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/listsessionofassetvk',
    doc: ['https://www.tencentcloud.com/document/product/1211/62108'],
    idempotent: true,
    required: { ReqId: 'string', AssetVirtualmanKey: 'string' },
    returns: LIST,
  },
};
