/**
 * A live room's `Status`, by name (Tencent's pages 1240/112141, 112143, 112145): `0` initial,
 * `1` creating the video stream, `2` stream ready (`VideoStreamPlayUrl` is set from here on),
 * `3` script split into sentences, `4` scheduling, `5` scheduled, `6` closed.
 *
 * @example
 * ```ts
 * import { LIVE_ROOM_STATUS } from '@tvs/envelope';
 * const room = await client.liveRooms.get({ LiveRoomId });
 * if (room.Status === LIVE_ROOM_STATUS.STREAM_READY) play(room.VideoStreamPlayUrl);
 * ```
 */
export const LIVE_ROOM_STATUS = {
  INITIAL: 0,
  CREATING_STREAM: 1,
  STREAM_READY: 2,
  SENTENCES_SPLIT: 3,
  SCHEDULING: 4,
  SCHEDULED: 5,
  CLOSED: 6,
} as const;

/** A live room's status: a value of {@link LIVE_ROOM_STATUS}, or one a newer gateway adds. */
export type LiveRoomStatus =
  | (typeof LIVE_ROOM_STATUS)[keyof typeof LIVE_ROOM_STATUS]
  | (number & {});
