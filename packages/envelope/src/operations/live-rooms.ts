import type { LiveRoomStatus } from '../codes/live-room-status.js';
import type { Operation } from './operation.js';
import type { SessionProtocol } from './sessions.js';
import type { SpeechParam } from './video-types.js';

/** One script the avatar reads in a live room (the page's `ScriptReq`; the array holds one). */
export interface LiveRoomScript {
  /** The text to read. */
  Content: string;
  [key: string]: unknown;
}

/** Request of `liveRooms.open` (`openliveroom`, 1240/112140). */
export interface OpenLiveRoomRequest {
  /** 32 hex characters, no dashes (see `newRequestId`). */
  ReqId: string;
  /** How to build the stream. Give exactly one of `VirtualmanProjectId` and `AssetVirtualmanKey`. */
  VideoStreamReq: {
    Protocol: SessionProtocol;
    VirtualmanProjectId?: string;
    AssetVirtualmanKey?: string;
    /** With `AssetVirtualmanKey`: `Speed` 0.5–1.5, `TimbreKey`, `Volume` 0–10. */
    SpeechParam?: SpeechParam;
    /** With `AssetVirtualmanKey`: `HorizontalPosition`/`VerticalPosition` (−0.5…0.5, 0 centred), `Scale` (1 default, 0–10). */
    AnchorParam?: {
      HorizontalPosition?: number;
      VerticalPosition?: number;
      Scale?: number;
      [key: string]: unknown;
    };
    /** `AlphaChannelEnable`: splice an alpha channel beside the picture. */
    ExtraInfo?: { AlphaChannelEnable?: boolean; [key: string]: unknown };
    [key: string]: unknown;
  };
  /** How many times the scripts loop: more than 0, less than 500 (no endless loop). */
  CycleTimes: number;
  /** The scripts; one, for now. */
  Scripts: LiveRoomScript[];
  /** Where status changes are POSTed, signed with a key Tencent hands over offline (decode with `decodeLiveRoomCallback`). */
  CallbackUrl?: string;
  [key: string]: unknown;
}

/** A live room as `getliveroom` and the list describe it (1240/112141, 112143). */
export interface LiveRoom {
  LiveRoomId?: string;
  /** See {@link LIVE_ROOM_STATUS}. */
  Status?: LiveRoomStatus;
  /** Where to play the stream, once it is ready (status 2 on). */
  VideoStreamPlayUrl?: string;
  /** The request's `ReqId`, echoed. */
  ReqId?: string;
  [key: string]: unknown;
}

/** Request of the calls about one live room (get, close). */
export interface LiveRoomRequest {
  ReqId: string;
  LiveRoomId: string;
}

/** Request of `liveRooms.list` (`listliveroomofappkey`, 1240/112143): the rooms of this appkey that are not closed. */
export interface ListLiveRoomsRequest {
  ReqId: string;
  /** From 1. */
  PageIndex: number;
  /** 1–1000. */
  PageSize: number;
}

/** Response of `liveRooms.list`. The gateway leaves `LiveRooms` out when there are none: it reads as `[]`. */
export interface LiveRoomList {
  LiveRooms: LiveRoom[];
  Total: number;
  ReqId?: string;
  [key: string]: unknown;
}

/** Request of `liveRooms.takeover` (`takeover`, 1240/112142): say this now, interrupting the script. */
export interface TakeoverRequest extends LiveRoomRequest {
  /** At most 500 characters. */
  Content: string;
}

/** The response of a live-room call that returns nothing else: the request's `ReqId`. */
export interface LiveRoomAck {
  ReqId?: string;
  [key: string]: unknown;
}

const ONE = { ReqId: 'string', LiveRoomId: 'string' } as const;

/**
 * Live rooms: open, get, list, take over, close. The pages of get, take over and close render
 * no required column; their tables and examples name `ReqId` and `LiveRoomId` (and `Content`),
 * which the call cannot do without.
 */
export const liveRoomOperations: {
  readonly 'liveRooms.open': Operation<OpenLiveRoomRequest, LiveRoom>;
  readonly 'liveRooms.get': Operation<LiveRoomRequest, LiveRoom>;
  readonly 'liveRooms.list': Operation<ListLiveRoomsRequest, LiveRoomList>;
  readonly 'liveRooms.takeover': Operation<TakeoverRequest, LiveRoomAck>;
  readonly 'liveRooms.close': Operation<LiveRoomRequest, LiveRoomAck>;
} = {
  'liveRooms.open': {
    name: 'liveRooms.open',
    path: '/v2/ivh/liveroom/liveroomservice/openliveroom',
    doc: [
      'https://cloud.tencent.com/document/product/1240/112140',
      'https://cloud.tencent.com/document/product/1240/112139',
    ],
    idempotent: false,
    required: {
      ReqId: 'string',
      VideoStreamReq: 'object',
      'VideoStreamReq.Protocol': 'string',
      CycleTimes: 'number',
      Scripts: 'array',
    },
    // The response table could not be read: nothing is relied on.
    returns: {},
  },
  'liveRooms.get': {
    name: 'liveRooms.get',
    path: '/v2/ivh/liveroom/liveroomservice/getliveroom',
    doc: ['https://cloud.tencent.com/document/product/1240/112141'],
    idempotent: true,
    required: ONE,
    returns: {},
  },
  'liveRooms.list': {
    name: 'liveRooms.list',
    path: '/v2/ivh/liveroom/liveroomservice/listliveroomofappkey',
    doc: ['https://cloud.tencent.com/document/product/1240/112143'],
    idempotent: true,
    required: { ReqId: 'string', PageIndex: 'number', PageSize: 'number' },
    returns: { LiveRooms: 'array', Total: 'number' },
  },
  'liveRooms.takeover': {
    name: 'liveRooms.takeover',
    path: '/v2/ivh/liveroom/liveroomservice/takeover',
    doc: ['https://cloud.tencent.com/document/product/1240/112142'],
    idempotent: false,
    required: { ReqId: 'string', LiveRoomId: 'string', Content: 'string' },
    returns: {},
  },
  'liveRooms.close': {
    name: 'liveRooms.close',
    path: '/v2/ivh/liveroom/liveroomservice/closeliveroom',
    doc: ['https://cloud.tencent.com/document/product/1240/112144'],
    idempotent: true,
    required: ONE,
    returns: {},
  },
};
