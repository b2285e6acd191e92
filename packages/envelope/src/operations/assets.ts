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

/** Response of `assets.timbres` (`describetimbre`). An absent or `null` list reads as `[]`. */
export interface TimbreList {
  TimbreAssets: JsonObject[];
  Total?: number;
  [key: string]: unknown;
}

/** Response of `assets.smallSampleAvatars` (`describesmallsampleimage`). An absent or `null` list reads as `[]`. */
export interface SmallSampleAvatarList {
  Virtualmans: JsonObject[];
  Total?: number;
  [key: string]: unknown;
}

/** Request of `assets.imagesByAnchor` (`getimagebyanchor`). */
export interface ImagesByAnchorRequest extends PageRequest {
  /** The anchor whose images to list. */
  VirtualmanTypeCode?: string;
}

const PAGE = { PageIndex: 'number', PageSize: 'number' } as const;

/** Assets: timbres, small-sample avatars, anchors, and images by anchor. All reads. */
export const assetOperations: {
  readonly 'assets.timbres': Operation<PageRequest, TimbreList>;
  readonly 'assets.smallSampleAvatars': Operation<PageRequest, SmallSampleAvatarList>;
  readonly 'assets.anchors': Operation<JsonObject, JsonObject>;
  readonly 'assets.imagesByAnchor': Operation<ImagesByAnchorRequest, JsonObject>;
} = {
  'assets.timbres': {
    name: 'assets.timbres',
    path: '/v2/ivh/crmserver/customerassetservice/describetimbre',
    idempotent: true,
    required: PAGE,
    returns: { TimbreAssets: 'array' },
  },
  'assets.smallSampleAvatars': {
    name: 'assets.smallSampleAvatars',
    path: '/v2/ivh/crmserver/customerassetservice/describesmallsampleimage',
    idempotent: true,
    required: PAGE,
    returns: { Virtualmans: 'array' },
  },
  'assets.anchors': {
    name: 'assets.anchors',
    path: '/v2/ivh/crmserver/customerassetservice/getanchor',
    idempotent: true,
    required: {},
    returns: {},
  },
  'assets.imagesByAnchor': {
    name: 'assets.imagesByAnchor',
    path: '/v2/ivh/crmserver/customerassetservice/getimagebyanchor',
    idempotent: true,
    required: PAGE,
    returns: {},
  },
};
