import { page } from '../catalogue.js';
import { CODES, Refusal } from '../errors.js';
import { inRange, optional } from '../internal/validate.js';
import type { Handler } from './context.js';

/** `PageIndex` ≥ 1 (default 1) and `PageSize` 1–100 (default 20). */
function paging(payload: Record<string, unknown>): [number, number] {
  const index = inRange(payload, 'PageIndex', 1, Number.MAX_SAFE_INTEGER) ?? 1;
  const size = inRange(payload, 'PageSize', 1, 100) ?? 20;
  if (!Number.isInteger(index) || !Number.isInteger(size)) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.Paging',
      'Payload.PageIndex and Payload.PageSize must be whole numbers',
    );
  }
  return [index, size];
}

/**
 * `describetimbre` (1240/81274): the account's timbres, paged, by the documented filters:
 * `TimbreKeyList` (which wins over `TimbreKey`) or `TimbreKey` exactly, `TimbreName` fuzzily (a
 * substring, any case), `PurchaseType`. The mock's timbres are all leased (`Lease`).
 */
export const describeTimbres: Handler = (payload, context, services) => {
  const [index, size] = paging(payload);
  const keyList = optional(payload, 'TimbreKeyList', 'array');
  if (keyList?.some((key) => typeof key !== 'string')) {
    throw new Refusal(
      CODES.invalidParameter,
      'InvalidParameter.TypeMismatch',
      'Payload.TimbreKeyList must be an array of strings',
    );
  }
  const key = optional(payload, 'TimbreKey', 'string');
  const keys = keyList ?? (key === undefined ? undefined : [key]);
  const name = optional(payload, 'TimbreName', 'string')?.toLowerCase();
  const purchase = optional(payload, 'PurchaseType', 'string');
  const all = services.catalogue.timbres.filter(
    (timbre) =>
      (keys === undefined || keys.includes(timbre.TimbreKey)) &&
      (name === undefined || timbre.TimbreName.toLowerCase().includes(name)) &&
      (purchase === undefined || purchase === 'Lease'),
  );
  return {
    TimbreAssets: page(all, index, size).map((timbre) => ({
      ...timbre,
      TimbreSample: services.absolute(context.origin, timbre.TimbreSample),
      PurchaseType: 'Lease',
    })),
    Total: all.length,
  };
};

/** The `AnchorCodes` filter (an array of codes), when given. */
function anchorCodes(payload: Record<string, unknown>): readonly string[] | undefined {
  const codes = optional(payload, 'AnchorCodes', 'array');
  if (codes?.some((code) => typeof code !== 'string')) {
    throw new Refusal(
      CODES.invalidParameter,
      'InvalidParameter.TypeMismatch',
      'Payload.AnchorCodes must be an array of strings',
    );
  }
  return codes as string[] | undefined;
}

/** `describesmallsampleimage` (1240/93404): the account's avatars, paged, by `AnchorCodes` or `VirtualmanKey`. */
export const describeAvatars: Handler = (payload, context, services) => {
  const [index, size] = paging(payload);
  const anchors = anchorCodes(payload);
  const key = optional(payload, 'VirtualmanKey', 'string');
  const type = optional(payload, 'VirtualmanTypeCode', 'string');
  const all = services.catalogue.avatars.filter(
    (avatar) =>
      (anchors === undefined || anchors.includes(avatar.AnchorCode)) &&
      (key === undefined || avatar.VirtualmanKey === key) &&
      (type === undefined || avatar.VirtualmanTypeCode === type),
  );
  return {
    Virtualmans: page(all, index, size).map((avatar) => ({
      ...avatar,
      HeaderImage: services.absolute(context.origin, avatar.HeaderImage),
    })),
    Total: all.length,
  };
};

/** `Gender` as the pages give it: 0 unknown, 1 male, 2 female. */
const GENDER = { male: 1, female: 2 } as const;

/** `getanchor` (1240/99704): the anchors of one `VirtualmanTypeCode`, paged, as `Virtualmans`. */
export const describeAnchors: Handler = (payload, context, services) => {
  const [index, size] = paging(payload);
  const type = payload['VirtualmanTypeCode'];
  const anchors = anchorCodes(payload);
  const all = services.catalogue.anchors.filter(
    (anchor) =>
      anchor.VirtualmanTypeCode === type &&
      (anchors === undefined || anchors.includes(anchor.AnchorCode)),
  );
  return {
    Virtualmans: page(all, index, size).map((anchor) => ({
      AnchorName: anchor.AnchorName,
      AnchorCode: anchor.AnchorCode,
      VirtualmanType: anchor.AnchorDesc,
      VirtualmanTypeCode: anchor.VirtualmanTypeCode,
      PurchaseType: 'Lease',
      HeaderImage: services.absolute(
        context.origin,
        services.catalogue.avatars.find((a) => a.AnchorCode === anchor.AnchorCode)?.HeaderImage ??
          '',
      ),
      Tag: 'Standard',
      Gender: GENDER[anchor.Gender],
    })),
    Total: all.length,
  };
};

/**
 * `getimagebyanchor` (1240/81273): the avatars of one `VirtualmanTypeCode`, paged, narrowed by
 * `AnchorCodes` or `VirtualmanKey`.
 */
export const describeAnchorAvatars: Handler = (payload, context, services) =>
  describeAvatars(payload, context, services);
