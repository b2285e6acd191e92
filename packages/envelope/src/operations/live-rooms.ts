import type { JsonObject } from '../envelope-types.js';
import type { EmptyResponse, Operation } from './operation.js';
import type { SessionProtocol } from './sessions.js';
import type { SpeechParam } from './video.js';

/**
 * A live room's state, as public clients read it: `0` initial, `1` stream being created,
 * `2` stream ready, `3` script split, `4` scheduling, `5` schedule done, `6` closed.
 */
export type LiveRoomStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One script segment the avatar reads in a live room. */
export interface LiveRoomScript {
  Content: string;
  Backgrounds?: JsonObject[];
  Foregrounds?: JsonObject[];
  [key: string]: unknown;
}

/** Request of `liveRooms.open` (`openliveroom`). */
export interface OpenLiveRoomRequest {
  /** 32 lowercase hex characters (see `newRequestId`). */
  ReqId: string;
  VideoStreamReq: {
    Protocol: SessionProtocol;
    VirtualmanProjectId?: string;
    SpeechParam?: SpeechParam;
    AnchorParam?: JsonObject;
    [key: string]: unknown;
  };
  Scripts: LiveRoomScript[];
  /** How many times the scripts loop, 0–500. */
  CycleTimes?: number;
  /** Where status changes are POSTed, signed (decode with `decodeLiveRoomCallback`). */
  CallbackUrl?: string;
  [key: string]: unknown;
}

/** A live room as the gateway describes it. */
export interface LiveRoom {
  LiveRoomId: string;
  Status?: LiveRoomStatus;
  VideoStreamPlayUrl?: string;
  [key: string]: unknown;
}

/** Request of the calls about one live room. */
export interface LiveRoomRequest {
  ReqId: string;
  LiveRoomId: string;
}

/** Request of `liveRooms.list` (`listliveroomofappkey`): the rooms of this appkey that are not closed. */
export interface ListLiveRoomsRequest {
  ReqId: string;
  /** From 1. */
  PageIndex: number;
  PageSize: number;
}

/** Response of `liveRooms.list`. An absent or `null` list reads as `[]`. */
export interface LiveRoomList {
  LiveRoomList: LiveRoom[];
  TotalCount?: number;
  [key: string]: unknown;
}

/** Request of `liveRooms.takeover`: say this now, interrupting the script. */
export interface TakeoverRequest extends LiveRoomRequest {
  /** At most 500 characters. */
  Content: string;
}

const ONE = { ReqId: 'string', LiveRoomId: 'string' } as const;

/** Live rooms: open, get, list, take over, close. */
export const liveRoomOperations: {
  readonly 'liveRooms.open': Operation<OpenLiveRoomRequest, LiveRoom>;
  readonly 'liveRooms.get': Operation<LiveRoomRequest, LiveRoom>;
  readonly 'liveRooms.list': Operation<ListLiveRoomsRequest, LiveRoomList>;
  readonly 'liveRooms.takeover': Operation<TakeoverRequest, EmptyResponse>;
  readonly 'liveRooms.close': Operation<LiveRoomRequest, EmptyResponse>;
} = {
  'liveRooms.open': {
    name: 'liveRooms.open',
    path: '/v2/ivh/liveroom/liveroomservice/openliveroom',
    idempotent: false,
    required: { ReqId: 'string', VideoStreamReq: 'object', Scripts: 'array' },
    returns: { LiveRoomId: 'string' },
  },
  'liveRooms.get': {
    name: 'liveRooms.get',
    path: '/v2/ivh/liveroom/liveroomservice/getliveroom',
    idempotent: true,
    required: ONE,
    returns: { LiveRoomId: 'string' },
  },
  'liveRooms.list': {
    name: 'liveRooms.list',
    path: '/v2/ivh/liveroom/liveroomservice/listliveroomofappkey',
    idempotent: true,
    required: { ReqId: 'string', PageIndex: 'number', PageSize: 'number' },
    returns: { LiveRoomList: 'array' },
  },
  'liveRooms.takeover': {
    name: 'liveRooms.takeover',
    path: '/v2/ivh/liveroom/liveroomservice/takeover',
    idempotent: false,
    required: { ReqId: 'string', LiveRoomId: 'string', Content: 'string' },
    returns: {},
  },
  'liveRooms.close': {
    name: 'liveRooms.close',
    path: '/v2/ivh/liveroom/liveroomservice/closeliveroom',
    idempotent: true,
    required: ONE,
    returns: {},
  },
};
