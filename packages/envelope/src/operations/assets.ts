import type { JsonObject } from '../envelope-types.js';
import type { Operation } from './operation.js';

/** Paging of the asset lists. */
export interface PageRequest {
  /** From 1. */
  PageIndex: number;
  /** At most 100. */
  PageSize: number;
  /** Filters, as documented for each list. */
  [key: string]: unknown;
}

/** Request of `assets.timbres` (`describetimbre`, 1240/81274). */
export interface TimbreListRequest extends PageRequest {
  /** Exact timbre key. */
  TimbreKey?: string;
  /** Timbre name, fuzzy match. */
  TimbreName?: string;
  /** `Lease` or `Custom`. */
  PurchaseType?: 'Lease' | 'Custom' | (string & {});
  /** Timbre keys; wins over `TimbreKey`. */
  TimbreKeyList?: string[];
}

/** Response of `assets.timbres`. An absent or `null` list reads as `[]`. */
export interface TimbreList {
  /** `TimbreKey`, `TimbreName`, `TimbreSample` (URL), `TimbreDesc`, `SupportVirtualmanTypeCodes`, `SupportDriverTypes`, `ExpireDate` (`yyyy-MM-dd HH:mm:ss`, empty: no end), `AudioDuration` (ms), `AudioNum`, `EmotionalCategories`, `TimbreGender` (1 male, 2 female), `PurchaseType`, `TimbreType` (`Boutique`, `SampleBasic`, `SampleFast`), `TimbreLanguages`. */
  TimbreAssets: JsonObject[];
  Total: number;
  [key: string]: unknown;
}

/** Request of `assets.smallSampleAvatars` (`describesmallsampleimage`, 1240/93404). */
export interface SmallSampleAvatarListRequest extends PageRequest {
  AnchorCodes?: string[];
  VirtualmanKey?: string;
}

/** Response of `assets.smallSampleAvatars`. An absent or `null` list reads as `[]`. */
export interface SmallSampleAvatarList {
  /** `VirtualmanKey`, `AnchorName`, `AnchorCode`, `BackgroundChangeable`, `ClothesName`, `PoseName`, `Resolution`, image URLs, `SupportDriverTypes`, `EffectiveDate`/`ExpireDate` (`yyyy-MM-dd HH:mm:ss`), `EffectiveTime`/`ExpireTime` (Unix ms), `VideoDuration` (ms), `VideoNum`, `OriginZoom`, `ReferenceVideoSegmentUrl`. */
  Virtualmans: JsonObject[];
  Total: number;
  [key: string]: unknown;
}

/** Request of `assets.anchors` (`getanchor` under crmserver, 1240/99704). */
export interface AnchorListRequest extends PageRequest {
  /** The avatar type (appendix 3 of the asset pages), such as `real_man_3d`. */
  VirtualmanTypeCode: string;
  AnchorCodes?: string[];
  PurchaseType?: 'Lease' | 'Custom' | (string & {});
}

/** Response of `assets.anchors` and `assets.imagesByAnchor`. An absent or `null` list reads as `[]`. */
export interface AnchorList {
  /** Anchors (`AnchorName`, `AnchorCode`, `VirtualmanType`, `VirtualmanTypeCode`, `PurchaseType`, `HeaderImage`, `Tag`, `Gender`) or, for `imagesByAnchor`, avatars with their `VirtualmanKey`. */
  Virtualmans: JsonObject[];
  Total: number;
  [key: string]: unknown;
}

/** Request of `assets.imagesByAnchor` (`getimagebyanchor`, 1240/81273). */
export interface ImagesByAnchorRequest extends PageRequest {
  VirtualmanTypeCode: string;
  /** The anchors (the English page, 1211/62131, names it `AnchorCode`). */
  AnchorCodes?: string[];
  VirtualmanKey?: string;
  PurchaseType?: 'Lease' | 'Custom' | (string & {});
}

const PAGE = { PageIndex: 'number', PageSize: 'number' } as const;
const TYPE_PAGE = {
  VirtualmanTypeCode: 'string',
  PageIndex: 'number',
  PageSize: 'number',
} as const;

/** Assets: timbres, small-sample avatars, anchors, and images by anchor. All reads. */
export const assetOperations: {
  readonly 'assets.timbres': Operation<TimbreListRequest, TimbreList>;
  readonly 'assets.smallSampleAvatars': Operation<
    SmallSampleAvatarListRequest,
    SmallSampleAvatarList
  >;
  readonly 'assets.anchors': Operation<AnchorListRequest, AnchorList>;
  readonly 'assets.imagesByAnchor': Operation<ImagesByAnchorRequest, AnchorList>;
} = {
  'assets.timbres': {
    name: 'assets.timbres',
    path: '/v2/ivh/crmserver/customerassetservice/describetimbre',
    doc: [
      'https://cloud.tencent.com/document/product/1240/81274',
      'https://www.tencentcloud.com/document/product/1211/62129',
    ],
    idempotent: true,
    required: PAGE,
    // Required on both pages; no response example could be read, so only the list is relied on.
    returns: { TimbreAssets: 'array' },
  },
  'assets.smallSampleAvatars': {
    name: 'assets.smallSampleAvatars',
    path: '/v2/ivh/crmserver/customerassetservice/describesmallsampleimage',
    doc: [
      'https://cloud.tencent.com/document/product/1240/93404',
      'https://www.tencentcloud.com/document/product/1211/62126',
    ],
    idempotent: true,
    required: PAGE,
    returns: { Virtualmans: 'array' },
  },
  'assets.anchors': {
    name: 'assets.anchors',
    path: '/v2/ivh/crmserver/customerassetservice/getanchor',
    doc: [
      'https://cloud.tencent.com/document/product/1240/99704',
      'https://www.tencentcloud.com/document/product/1211/62130',
    ],
    idempotent: true,
    required: TYPE_PAGE,
    returns: { Virtualmans: 'array' },
  },
  'assets.imagesByAnchor': {
    name: 'assets.imagesByAnchor',
    path: '/v2/ivh/crmserver/customerassetservice/getimagebyanchor',
    doc: [
      'https://cloud.tencent.com/document/product/1240/81273',
      'https://www.tencentcloud.com/document/product/1211/62131',
    ],
    idempotent: true,
    required: TYPE_PAGE,
    returns: { Virtualmans: 'array' },
  },
};
