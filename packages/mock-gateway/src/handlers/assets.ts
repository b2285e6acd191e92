import { page } from '../catalogue.js';
import { CODES, Refusal } from '../errors.js';
import { inRange, optional } from '../validate.js';
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

/** `describetimbre`: the account's timbres, paged. */
export const describeTimbres: Handler = (payload, context, services) => {
  const [index, size] = paging(payload);
  const language = optional(payload, 'TimbreLanguage', 'string');
  const all = services.catalogue.timbres.filter(
    (timbre) => language === undefined || timbre.TimbreLanguage === language,
  );
  return {
    TimbreAssets: page(all, index, size).map((timbre) => ({
      ...timbre,
      TimbreSample: services.absolute(context.origin, timbre.TimbreSample),
    })),
    Total: all.length,
  };
};

/** `describesmallsampleimage`: the account's avatars, paged. */
export const describeAvatars: Handler = (payload, context, services) => {
  const [index, size] = paging(payload);
  const anchor = optional(payload, 'AnchorCode', 'string');
  const all = services.catalogue.avatars.filter(
    (avatar) => anchor === undefined || avatar.AnchorCode === anchor,
  );
  return {
    Virtualmans: page(all, index, size).map((avatar) => ({
      ...avatar,
      HeaderImage: services.absolute(context.origin, avatar.HeaderImage),
    })),
    Total: all.length,
  };
};

/** `getanchor`: the anchors, paged. */
export const describeAnchors: Handler = (payload, _context, services) => {
  const [index, size] = paging(payload);
  const all = services.catalogue.anchors;
  return { Anchors: page(all, index, size), Total: all.length };
};

/** `getimagebyanchor`: one anchor's avatars, paged; an unknown anchor is 100016. */
export const describeAnchorAvatars: Handler = (payload, context, services) => {
  const code = optional(payload, 'AnchorCode', 'string');
  if (code === undefined) {
    throw new Refusal(
      CODES.missingParameter,
      'InvalidParameter.MissingParameter',
      'Payload.AnchorCode is required',
    );
  }
  if (!services.catalogue.anchors.some((anchor) => anchor.AnchorCode === code)) {
    throw new Refusal(
      CODES.avatarNotFound,
      'ResourceNotFound.Anchor',
      `AnchorCode ${JSON.stringify(code.slice(0, 64))} is not an anchor of this account`,
    );
  }
  return describeAvatars(payload, context, services);
};
