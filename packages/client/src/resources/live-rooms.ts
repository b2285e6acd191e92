import type { BindOperation, OperationCall } from '../operation-call.js';

/** Live rooms (`liveroom/liveroomservice`). `ReqId` is generated when left out. */
export interface LiveRoomsApi {
  /**
   * Opens a live room. Not idempotent.
   * @example
   * ```ts
   * const room = await client.liveRooms.open({ VideoStreamReq: { VirtualmanProjectId: id }, Scripts: [] });
   * ```
   */
  open: OperationCall<'liveRooms.open'>;
  /**
   * Reads one live room.
   * @example
   * ```ts
   * const room = await client.liveRooms.get({ LiveRoomId });
   * ```
   */
  get: OperationCall<'liveRooms.get'>;
  /**
   * One page of the appkey's live rooms that are not closed (`listliveroomofappkey`,
   * 1240/112143): `LiveRooms` (`[]` when the gateway leaves it out, as it does for none) and
   * `Total`.
   * @example
   * ```ts
   * const { LiveRooms, Total } = await client.liveRooms.list({ PageIndex: 1, PageSize: 20 });
   * ```
   */
  list: OperationCall<'liveRooms.list'>;
  /**
   * Says something now, interrupting the script. Not idempotent.
   * @example
   * ```ts
   * await client.liveRooms.takeover({ LiveRoomId, Content: 'Welcome!' });
   * ```
   */
  takeover: OperationCall<'liveRooms.takeover'>;
  /**
   * Closes a live room.
   * @example
   * ```ts
   * await client.liveRooms.close({ LiveRoomId });
   * ```
   */
  close: OperationCall<'liveRooms.close'>;
}

/** @internal */
export function createLiveRoomsApi(op: BindOperation): LiveRoomsApi {
  return {
    open: op('liveRooms.open'),
    get: op('liveRooms.get'),
    list: op('liveRooms.list'),
    takeover: op('liveRooms.takeover'),
    close: op('liveRooms.close'),
  };
}
