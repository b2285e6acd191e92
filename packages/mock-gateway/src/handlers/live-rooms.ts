import { LIVE_ROOM_STATUS, type LiveRoomStatus } from '@tvs/envelope';
import { CODES, Refusal } from '../errors.js';
import { checkUrl, inRange, oneOf, optional } from '../internal/validate.js';
import { checkReqId } from '../sessions/handlers.js';
import type { CallContext, Handler } from './context.js';
import { ownedBy } from './per-appkey.js';

/** How long a room takes to reach each status after `openliveroom`, ms of gateway time. */
const STREAM_READY_MS = 3000;
const SENTENCES_SPLIT_MS = 4000;
const SCHEDULING_MS = 5000;
/** How long one reading of the script takes, ms per character (the mock speaks nothing). */
const READING_MS_PER_CHAR = 200;

/** A live room of the mock (1240/112139–112144). @internal */
interface Room {
  readonly liveRoomId: string;
  readonly openedAt: number;
  readonly protocol: string;
  readonly readingMs: number;
  closed: boolean;
}

/** The live rooms of every appkey, on the gateway clock. @internal */
export interface LiveRoomStore {
  readonly rooms: Map<string, Map<string, Room>>;
  next: number;
}

/** @internal */
export function createLiveRoomStore(): LiveRoomStore {
  return { rooms: new Map(), next: 0 };
}

/**
 * A room's status by its age (1240/112141): 1 creating the stream, 2 stream ready (play URL
 * set), 3 script split, 4 scheduling (reading, `CycleTimes` over), 5 scheduled, 6 closed.
 */
function statusOf(room: Room, now: number): LiveRoomStatus {
  if (room.closed) return LIVE_ROOM_STATUS.CLOSED;
  const age = now - room.openedAt;
  if (age < STREAM_READY_MS) return LIVE_ROOM_STATUS.CREATING_STREAM;
  if (age < SENTENCES_SPLIT_MS) return LIVE_ROOM_STATUS.STREAM_READY;
  if (age < SCHEDULING_MS) return LIVE_ROOM_STATUS.SENTENCES_SPLIT;
  if (age < SCHEDULING_MS + room.readingMs) return LIVE_ROOM_STATUS.SCHEDULING;
  return LIVE_ROOM_STATUS.SCHEDULED;
}

/** A room as `getliveroom` and the list answer it: the play URL once the stream is ready. */
function describe(room: Room, now: number, origin: string) {
  const status = statusOf(room, now);
  const ready = status !== LIVE_ROOM_STATUS.CREATING_STREAM && status !== LIVE_ROOM_STATUS.CLOSED;
  const host = new URL(origin).host;
  return {
    LiveRoomId: room.liveRoomId,
    Status: status,
    ...(ready ? { VideoStreamPlayUrl: `${room.protocol}://${host}/live/${room.liveRoomId}` } : {}),
  };
}

function findRoom(store: LiveRoomStore, payload: Record<string, unknown>, context: CallContext) {
  const id = payload['LiveRoomId'] as string;
  const room = ownedBy(store.rooms, context.appkey).get(id);
  if (!room) {
    throw new Refusal(
      CODES.recordNotFound,
      'ResourceNotFound.LiveRoom',
      `no live room ${JSON.stringify(id.slice(0, 64))} for this appkey`,
    );
  }
  return room;
}

/** `openliveroom` (1240/112140): one script, looped `CycleTimes` (1–499) times. */
export const openLiveRoom: Handler = (payload, context, services) => {
  const reqId = checkReqId(payload);
  const stream = payload['VideoStreamReq'] as Record<string, unknown>;
  const where = 'Payload.VideoStreamReq';
  const project = optional(stream, 'VirtualmanProjectId', 'string', where);
  const asset = optional(stream, 'AssetVirtualmanKey', 'string', where);
  if ((project === undefined) === (asset === undefined)) {
    throw new Refusal(
      CODES.missingParameter,
      'InvalidParameter.MissingParameter',
      `${where} needs exactly one of VirtualmanProjectId and AssetVirtualmanKey`,
    );
  }
  if (asset !== undefined && !services.avatarKeys.has(asset)) {
    throw new Refusal(
      CODES.avatarNotFound,
      'ResourceNotFound.AssetVirtualmanKey',
      `${where}.AssetVirtualmanKey is not an avatar of this account`,
    );
  }
  const protocol = oneOf(stream, 'Protocol', ['rtmp', 'trtc', 'webrtc'] as const, where)!;
  const cycles = inRange(payload, 'CycleTimes', 1, 499)!;
  const scripts = payload['Scripts'] as unknown[];
  const [script] = scripts;
  const content = (script as Record<string, unknown> | undefined)?.['Content'];
  if (scripts.length !== 1 || typeof content !== 'string' || content === '') {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.Scripts',
      'Payload.Scripts holds one script with a non-empty Content',
    );
  }
  checkUrl(payload, 'CallbackUrl');
  const store = services.liveRooms;
  store.next += 1;
  const liveRoomId = `lm${String(1e19 + store.next * 7919).slice(1)}`;
  ownedBy(store.rooms, context.appkey).set(liveRoomId, {
    liveRoomId,
    openedAt: context.now,
    protocol,
    readingMs: cycles * content.length * READING_MS_PER_CHAR,
    closed: false,
  });
  return { ReqId: reqId, LiveRoomId: liveRoomId };
};

/** `getliveroom` (1240/112141). */
export const getLiveRoom: Handler = (payload, context, services) => ({
  ReqId: checkReqId(payload),
  ...describe(findRoom(services.liveRooms, payload, context), context.now, context.origin),
});

/**
 * `listliveroomofappkey` (1240/112143): the rooms not closed, paged (`PageSize` 1–1000). The
 * gateway leaves `LiveRooms` out when there are none; so does the mock.
 */
export const listLiveRooms: Handler = (payload, context, services) => {
  const reqId = checkReqId(payload);
  const index = inRange(payload, 'PageIndex', 1, Number.MAX_SAFE_INTEGER)!;
  const size = inRange(payload, 'PageSize', 1, 1000)!;
  const open = [...ownedBy(services.liveRooms.rooms, context.appkey).values()].filter(
    (r) => !r.closed,
  );
  const page = open.slice((index - 1) * size, index * size);
  return {
    ReqId: reqId,
    ...(page.length > 0
      ? { LiveRooms: page.map((room) => describe(room, context.now, context.origin)) }
      : {}),
    Total: open.length,
  };
};

/** `takeover` (1240/112142): at most 500 characters, into a room that is not closed. */
export const takeOver: Handler = (payload, context, services) => {
  const reqId = checkReqId(payload);
  const room = findRoom(services.liveRooms, payload, context);
  const content = payload['Content'] as string;
  if (content === '' || [...content].length > 500) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.Content',
      'Payload.Content must be 1–500 characters',
    );
  }
  if (room.closed) {
    throw new Refusal(CODES.recordNotFound, 'ResourceNotFound.LiveRoom', 'the live room is closed');
  }
  return { ReqId: reqId };
};

/** `closeliveroom` (1240/112144): idempotent; a closed room leaves the list. */
export const closeLiveRoom: Handler = (payload, context, services) => {
  const reqId = checkReqId(payload);
  findRoom(services.liveRooms, payload, context).closed = true;
  return { ReqId: reqId };
};
