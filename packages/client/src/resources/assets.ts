import type { JsonObject } from '@tvs/envelope';
import type { BindOperation, OperationCall } from '../operation-call.js';
import { type PageFilters, type PageOptions, pager } from '../paginate.js';

/** The account's assets (`crmserver/customerassetservice`). */
export interface AssetsApi {
  /**
   * Every timbre (voice) of the account, fetched page by page as you iterate.
   * @example
   * ```ts
   * for await (const timbre of client.assets.timbres()) console.log(timbre.TimbreKey);
   * ```
   */
  timbres(
    filters?: PageFilters,
    options?: PageOptions,
  ): AsyncGenerator<JsonObject, void, undefined>;
  /**
   * One page of timbres (`describetimbre`).
   * @example
   * ```ts
   * const { TimbreAssets, Total } = await client.assets.listTimbres({ PageIndex: 1, PageSize: 20 });
   * ```
   */
  listTimbres: OperationCall<'assets.timbres'>;
  /**
   * Every small-sample avatar of the account, page by page as you iterate.
   * @example
   * ```ts
   * for await (const avatar of client.assets.avatars()) console.log(avatar.VirtualmanKey);
   * ```
   */
  avatars(
    filters?: PageFilters,
    options?: PageOptions,
  ): AsyncGenerator<JsonObject, void, undefined>;
  /**
   * One page of small-sample avatars (`describesmallsampleimage`).
   * @example
   * ```ts
   * const { Virtualmans } = await client.assets.listAvatars({ PageIndex: 1, PageSize: 20 });
   * ```
   */
  listAvatars: OperationCall<'assets.smallSampleAvatars'>;
  /**
   * The account's anchors (`getanchor`).
   * @example
   * ```ts
   * const anchors = await client.assets.anchors({ PageIndex: 1, PageSize: 20 });
   * ```
   */
  anchors: OperationCall<'assets.anchors'>;
  /**
   * The images of an anchor (`getimagebyanchor`).
   * @example
   * ```ts
   * const images = await client.assets.imagesByAnchor({ PageIndex: 1, PageSize: 20, AnchorCode: code });
   * ```
   */
  imagesByAnchor: OperationCall<'assets.imagesByAnchor'>;
}

/** @internal */
export function createAssetsApi(op: BindOperation): AssetsApi {
  const listTimbres = op('assets.timbres');
  const listAvatars = op('assets.smallSampleAvatars');
  return {
    timbres: pager(listTimbres, 'TimbreAssets', 'assets.timbres'),
    listTimbres,
    avatars: pager(listAvatars, 'Virtualmans', 'assets.avatars'),
    listAvatars,
    anchors: op('assets.anchors'),
    imagesByAnchor: op('assets.imagesByAnchor'),
  };
}
