import type { Item } from '@tvs/app-common';
import type { TvsClient } from '@tvs/client';

export {
  AVATAR_HEADER,
  avatarName,
  avatarRow,
  type Item,
  key,
  pickAvatar,
  pickVoice,
  VOICE_HEADER,
  voiceName,
  voiceRow,
} from '@tvs/app-common';

/** Up to `limit` items of a paged list (all of them when `limit` is 0), fetched as needed. */
export async function take(
  items: AsyncGenerator<Readonly<Record<string, unknown>>, void, undefined>,
  limit: number,
): Promise<Item[]> {
  const out: Item[] = [];
  if (limit === 0) {
    for await (const item of items) out.push(item);
    return out;
  }
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/** The account's avatars, page by page (`client.assets.avatars`). */
export function avatars(client: TvsClient, signal: AbortSignal, limit: number) {
  return take(client.assets.avatars({}, { signal, pageSize: pageSize(limit) }), limit);
}

/** The account's voices, page by page (`client.assets.timbres`). */
export function voices(client: TvsClient, signal: AbortSignal, limit: number) {
  return take(client.assets.timbres({}, { signal, pageSize: pageSize(limit) }), limit);
}

function pageSize(limit: number): number {
  return limit === 0 ? 100 : Math.min(100, Math.max(1, limit));
}
