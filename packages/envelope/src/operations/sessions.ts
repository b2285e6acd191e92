import type { JsonObject } from '../envelope-types.js';
import type { EmptyResponse, Operation } from './operation.js';
import type { SpeechParam } from './video.js';

/** How the stream reaches viewers. */
export type SessionProtocol = 'rtmp' | 'trtc' | 'webrtc';

/** What drives an interactive session: `1` text, `3` audio and text. */
export type SessionDriverType = 1 | 3;

/** A session's state: `1` ready, `2` closed, `3` preparing, `4` failed. */
export type SessionStatus = 1 | 2 | 3 | 4;

/** Every session call carries a request id. */
interface WithReqId {
  /** 32 lowercase hex characters, no dashes (see `newRequestId`). */
  ReqId: string;
}

/** Fields shared by the two session-creating calls. */
export interface CreateSessionFields extends WithReqId {
  /** Your end user. A new stream with the same `UserId` closes the old one. */
  UserId: string;
  Protocol: SessionProtocol;
  DriverType?: SessionDriverType;
  /** Protocol-specific settings (such as TRTC room details). */
  ProtocolOption?: JsonObject;
  /** Passed through unchanged. */
  ExtraInfo?: unknown;
  /** Longest pause between drive commands before the stream idles, 2000–6000 ms. */
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
  /** Image layers behind the avatar, at most 5. */
  Backgrounds?: JsonObject[];
  /** Image layers in front of the avatar, at most 5. */
  Foregrounds?: JsonObject[];
}

/** Response of the session-creating calls. */
export interface CreateSessionResponse {
  SessionId: string;
  SessionStatus?: SessionStatus;
  /** Where to play the stream (named in older documentation; may be absent). */
  PlayStreamAddr?: string;
  [key: string]: unknown;
}

/** Request of the calls about one session: stat, start, close. */
export interface SessionRequest extends WithReqId {
  SessionId: string;
}

/** Response of `sessions.stat` (`statsession`). */
export interface SessionState {
  SessionStatus: SessionStatus;
  PlayStreamAddr?: string;
  /** Whether the avatar is speaking, as the gateway reports it. */
  SpeakStatus?: unknown;
  IsSessionStarted?: boolean;
  /** Why the session failed, when `SessionStatus` is 4. */
  ErrorCode?: number;
  ErrorMessage?: string;
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

/** One row of a session list. */
export interface SessionSummary {
  UserId: string;
  SessionId: string;
  SessionStatus: SessionStatus;
  PlayStreamAddr?: string;
  DriverType?: SessionDriverType;
  IsSessionStarted?: boolean;
  [key: string]: unknown;
}

/** Response of the session lists. An absent or `null` list reads as `[]`. */
export interface SessionList {
  Sessions: SessionSummary[];
  [key: string]: unknown;
}

const ONE = { ReqId: 'string', SessionId: 'string' } as const;
const LIST = { Sessions: 'array' } as const;

/** Interactive sessions: create, create by asset, stat, start, close and the three lists. */
export const sessionOperations: {
  readonly 'sessions.create': Operation<CreateSessionRequest, CreateSessionResponse>;
  readonly 'sessions.createByAsset': Operation<CreateSessionByAssetRequest, CreateSessionResponse>;
  readonly 'sessions.stat': Operation<SessionRequest, SessionState>;
  readonly 'sessions.start': Operation<SessionRequest, EmptyResponse>;
  readonly 'sessions.close': Operation<SessionRequest, EmptyResponse>;
  readonly 'sessions.list': Operation<ListSessionsRequest, SessionList>;
  readonly 'sessions.listByProject': Operation<ListSessionsByProjectRequest, SessionList>;
  readonly 'sessions.listByAsset': Operation<ListSessionsByAssetRequest, SessionList>;
} = {
  'sessions.create': {
    name: 'sessions.create',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/createsession',
    idempotent: false,
    required: {
      ReqId: 'string',
      UserId: 'string',
      Protocol: 'string',
      VirtualmanProjectId: 'string',
    },
    returns: { SessionId: 'string' },
  },
  'sessions.createByAsset': {
    name: 'sessions.createByAsset',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/createsessionbyasset',
    idempotent: false,
    required: {
      ReqId: 'string',
      UserId: 'string',
      Protocol: 'string',
      AssetVirtualmanKey: 'string',
    },
    returns: { SessionId: 'string' },
  },
  'sessions.stat': {
    name: 'sessions.stat',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/statsession',
    idempotent: true,
    required: ONE,
    returns: { SessionStatus: 'number' },
  },
  'sessions.start': {
    name: 'sessions.start',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/startsession',
    idempotent: true,
    required: ONE,
    returns: {},
  },
  'sessions.close': {
    name: 'sessions.close',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/closesession',
    idempotent: true,
    required: ONE,
    returns: {},
  },
  'sessions.list': {
    name: 'sessions.list',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/listsessionofuin',
    idempotent: true,
    required: { ReqId: 'string' },
    returns: LIST,
  },
  'sessions.listByProject': {
    name: 'sessions.listByProject',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/listsessionofprojectid',
    idempotent: true,
    required: { ReqId: 'string', VirtualmanProjectId: 'string' },
    returns: LIST,
  },
  'sessions.listByAsset': {
    name: 'sessions.listByAsset',
    path: '/v2/ivh/sessionmanager/sessionmanagerservice/listsessionofassetvk',
    idempotent: true,
    required: { ReqId: 'string', AssetVirtualmanKey: 'string' },
    returns: LIST,
  },
};
