import { avatarName, fitsAvatar, type Item, key, takesText, voiceName } from '@tvs/app-common';
import type { TvsClient } from '@tvs/client';
import { h } from './dom.js';
import { Pager, type PagerOptions } from './pager.js';
import type { Selection } from './selection.js';

/** Avatars and voices per page: small enough for a phone, as the API pages them. */
export const AVATARS_PER_PAGE = 8;
export const VOICES_PER_PAGE = 8;

const field = (item: Item, name: string): string => {
  const value = item[name];
  return typeof value === 'string' ? value : '';
};

/** Loads pages of an asset list by `PageIndex`/`PageSize`, its items in `field`. */
function apiPages<K extends string>(
  list: (
    page: { PageIndex: number; PageSize: number },
    options: { signal: AbortSignal },
  ) => Promise<Record<K, Item[]> & { Total?: number | undefined }>,
  field: K,
): PagerOptions<Item>['load'] {
  return async (index, pageSize, signal) => {
    const page = await list({ PageIndex: index, PageSize: pageSize }, { signal });
    return { items: page[field], total: page.Total };
  };
}

function avatarCard(avatar: Item, selection: Selection): HTMLElement {
  const virtualmanKey = key(avatar, 'VirtualmanKey');
  const usable = takesText(avatar);
  const input = h('input', {
    type: 'radio',
    name: 'avatar',
    value: virtualmanKey,
    disabled: !usable,
    checked:
      selection.avatar !== undefined && key(selection.avatar, 'VirtualmanKey') === virtualmanKey,
  });
  input.addEventListener('change', () => selection.setAvatar(avatar));
  const image = field(avatar, 'HeaderImage');
  return h(
    'label',
    { class: usable ? 'card' : 'card unusable' },
    input,
    // The name beside it says who it is: the picture is decoration for screen readers.
    image ? h('img', { src: image, alt: '', loading: 'lazy', width: 96, height: 96 }) : null,
    h('span', { class: 'name' }, avatarName(avatar)),
    h(
      'span',
      { class: 'meta' },
      usable ? field(avatar, 'VirtualmanTypeCode') : 'cannot be driven by text',
    ),
  );
}

function voiceCard(voice: Item, selection: Selection): HTMLElement {
  const timbreKey = key(voice, 'TimbreKey');
  const input = h('input', {
    type: 'radio',
    name: 'voice',
    value: timbreKey,
    checked: selection.voice !== undefined && key(selection.voice, 'TimbreKey') === timbreKey,
  });
  input.addEventListener('change', () => selection.setVoice(voice));
  const details = [field(voice, 'TimbreGender'), field(voice, 'TimbreDesc')].filter(Boolean);
  return h(
    'label',
    { class: 'card voice' },
    input,
    h('span', { class: 'name' }, voiceName(voice)),
    h('span', { class: 'meta' }, details.join(' · ')),
  );
}

/**
 * The avatar gallery: thumbnails and names, a page at a time as `describesmallsampleimage`
 * pages them. Avatars that cannot be driven by text are shown but cannot be picked. The first
 * usable avatar is picked when nothing is.
 */
export function avatarGallery(
  client: TvsClient,
  selection: Selection,
  onError: (error: unknown) => void,
): Pager<Item> {
  return new Pager<Item>({
    label: 'Avatars',
    pageSize: AVATARS_PER_PAGE,
    load: apiPages((page, options) => client.assets.listAvatars(page, options), 'Virtualmans'),
    render(page, list) {
      if (selection.avatar === undefined) selection.setAvatar(page.items.find(takesText));
      list.replaceChildren(...page.items.map((avatar) => avatarCard(avatar, selection)));
    },
    onError,
  });
}

/**
 * The voice list, a page at a time as `describetimbre` pages them, showing the voices of the
 * page that fit the picked avatar (its `VirtualmanTypeCode`) and saying how many do not. When
 * the picked voice does not fit a newly picked avatar, the first fitting one is taken instead.
 */
export function voiceList(
  client: TvsClient,
  selection: Selection,
  onError: (error: unknown) => void,
): Pager<Item> {
  const pager: Pager<Item> = new Pager<Item>({
    label: 'Voices',
    pageSize: VOICES_PER_PAGE,
    load: apiPages((page, options) => client.assets.listTimbres(page, options), 'TimbreAssets'),
    render(page, list) {
      const avatar = selection.avatar ?? {};
      const fitting = page.items.filter((voice) => fitsAvatar(voice, avatar));
      const current = selection.voice;
      if (current === undefined || !fitsAvatar(current, avatar)) selection.setVoice(fitting[0]);
      const hidden = page.items.length - fitting.length;
      const notes: string[] = [];
      if (hidden > 0) {
        notes.push(
          `${hidden} voice${hidden === 1 ? '' : 's'} on this page cannot speak for this avatar.`,
        );
      }
      if (fitting.length === 0)
        notes.push('No voice on this page fits: the avatar’s own voice is used.');
      list.replaceChildren(
        ...fitting.map((voice) => voiceCard(voice, selection)),
        ...notes.map((note) => h('p', { class: 'note' }, note)),
      );
    },
    onError,
  });
  selection.addEventListener('avatar', () => pager.redraw());
  return pager;
}
