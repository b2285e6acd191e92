/** An item of an asset list, as the gateway sends it (fields vary by account and avatar type). */
export type Item = Readonly<Record<string, unknown>>;

const text = (item: Item, key: string): string => {
  const value = item[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const list = (item: Item, key: string): string[] => {
  const value = item[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/** Table columns of an avatar (`describesmallsampleimage`). */
export function avatarRow(avatar: Item): string[] {
  const look = [text(avatar, 'ClothesName'), text(avatar, 'PoseName')].filter(Boolean).join(', ');
  return [
    text(avatar, 'VirtualmanKey'),
    text(avatar, 'AnchorName'),
    look,
    text(avatar, 'VirtualmanTypeCode'),
  ];
}

/** Table columns of a voice (`describetimbre`). */
export function voiceRow(voice: Item): string[] {
  return [
    text(voice, 'TimbreKey'),
    text(voice, 'TimbreName'),
    text(voice, 'TimbreLanguage'),
    text(voice, 'TimbreGender'),
    text(voice, 'TimbreDesc'),
  ];
}

export const AVATAR_HEADER = ['VirtualmanKey', 'name', 'outfit, pose', 'type'];
export const VOICE_HEADER = ['TimbreKey', 'name', 'language', 'gender', 'description'];

/** `zh` when the text has CJK characters, else `en`. */
export function scriptLanguage(script: string): 'zh' | 'en' {
  return /[\u3400-\u4dbf\u4e00-\u9fff]/u.test(script) ? 'zh' : 'en';
}

/** Whether an avatar can be driven by text (one that does not say is taken to). */
export function takesText(avatar: Item): boolean {
  const drivers = list(avatar, 'SupportDriverTypes');
  return drivers.length === 0 || drivers.includes('Text');
}

/** The first avatar that can be driven by text (or that does not say). */
export function pickAvatar(avatars: readonly Item[]): Item | undefined {
  return avatars.find(takesText);
}

/**
 * Whether a voice can speak for `avatar`: it lists the avatar's `VirtualmanTypeCode` among its
 * `SupportVirtualmanTypeCodes` (a voice or avatar that does not say is taken to fit).
 */
export function fitsAvatar(voice: Item, avatar: Item): boolean {
  const type = text(avatar, 'VirtualmanTypeCode');
  const types = list(voice, 'SupportVirtualmanTypeCodes');
  return type === '' || types.length === 0 || types.includes(type);
}

/**
 * A voice for `avatar` speaking `script`: one that supports the avatar's type and the script's
 * language, else one that supports the avatar's type, else none (the avatar's own voice).
 */
export function pickVoice(voices: readonly Item[], avatar: Item, script: string): Item | undefined {
  const fits = voices.filter((voice) => fitsAvatar(voice, avatar));
  const language = scriptLanguage(script);
  return fits.find((v) => text(v, 'TimbreLanguage').toLowerCase().startsWith(language)) ?? fits[0];
}

/** A short name for an avatar or voice: `云晓 (正装, 站姿)`. */
export function avatarName(avatar: Item): string {
  const [, name, look] = avatarRow(avatar);
  return look ? `${name} (${look})` : (name ?? '');
}

export function voiceName(voice: Item): string {
  const [, name, language] = voiceRow(voice);
  return language ? `${name} (${language})` : (name ?? '');
}

export function key(item: Item, field: 'VirtualmanKey' | 'TimbreKey'): string {
  return text(item, field);
}
