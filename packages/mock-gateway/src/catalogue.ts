/** An avatar (`describesmallsampleimage`, `getimagebyanchor`): one anchor in one outfit and pose. */
export interface Avatar {
  readonly VirtualmanKey: string;
  readonly AnchorName: string;
  readonly AnchorCode: string;
  readonly ClothesName: string;
  readonly PoseName: string;
  readonly VirtualmanTypeCode: string;
  readonly HeaderImage: string;
  readonly SupportDriverTypes: readonly string[];
  readonly ExpireDate: string;
}

/** A voice (`describetimbre`). */
export interface Timbre {
  readonly TimbreKey: string;
  readonly TimbreName: string;
  readonly TimbreSample: string;
  readonly TimbreDesc: string;
  readonly TimbreLanguage: string;
  readonly TimbreGender: 'male' | 'female';
  readonly SupportVirtualmanTypeCodes: readonly string[];
  readonly SupportDriverTypes: readonly string[];
  readonly EmotionalCategories: readonly string[];
  readonly ExpireDate: string;
}

/** An anchor (`getanchor`): a person whose avatars come in several outfits and poses. */
export interface Anchor {
  readonly AnchorName: string;
  readonly AnchorCode: string;
  readonly AnchorDesc: string;
  readonly VirtualmanTypeCode: string;
  readonly Gender: 'male' | 'female';
  readonly AvatarCount: number;
}

/** The assets an account owns. */
export interface Catalogue {
  readonly anchors: readonly Anchor[];
  readonly avatars: readonly Avatar[];
  readonly timbres: readonly Timbre[];
}

/** A deterministic 32-hex key from a name (four FNV-1a rounds), shaped like the gateway's keys. */
export function keyFor(name: string): string {
  let out = '';
  for (let round = 0; round < 4; round++) {
    let hash = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < name.length; i++) {
      hash ^= name.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

const ANCHORS: ReadonlyArray<readonly [string, string, 'male' | 'female', string, string]> = [
  ['云晓', 'yunxiao', 'female', '2D_SMALL_SAMPLE', 'Newsroom presenter, calm and precise'],
  ['景天', 'jingtian', 'male', '2D_SMALL_SAMPLE', 'Business host in a dark suit'],
  ['若溪', 'ruoxi', 'female', '2D_SMALL_SAMPLE', 'Customer-service agent, friendly'],
  ['子墨', 'zimo', 'male', '2D_SMALL_SAMPLE', 'Lecturer for online courses'],
  ['Aria', 'aria', 'female', '2D_SMALL_SAMPLE', 'English-speaking product presenter'],
  ['Leo', 'leo', 'male', '2D_SMALL_SAMPLE', 'English-speaking news anchor'],
  ['小雅', 'xiaoya', 'female', '3D_REALISTIC', 'Realistic 3D guide for exhibitions'],
  ['明哲', 'mingzhe', 'male', '3D_REALISTIC', 'Realistic 3D financial advisor'],
];
const OUTFITS = ['正装', '休闲装', '职业套装'] as const;
const POSES = ['站姿', '坐姿'] as const;
const DRIVERS = ['Text', 'OriginalVoice', 'ModulatedVoice'] as const;
const VOICES: ReadonlyArray<readonly [string, 'male' | 'female', string, string]> = [
  ['知性女声', 'female', 'zh-CN', 'Warm and articulate'],
  ['温柔女声', 'female', 'zh-CN', 'Soft and gentle'],
  ['活力女声', 'female', 'zh-CN', 'Bright and energetic'],
  ['新闻女声', 'female', 'zh-CN', 'Clear broadcast delivery'],
  ['客服女声', 'female', 'zh-CN', 'Patient and friendly'],
  ['沉稳男声', 'male', 'zh-CN', 'Deep and steady'],
  ['磁性男声', 'male', 'zh-CN', 'Rich, resonant'],
  ['新闻男声', 'male', 'zh-CN', 'Authoritative broadcast delivery'],
  ['青年男声', 'male', 'zh-CN', 'Young and relaxed'],
  ['粤语女声', 'female', 'zh-HK', 'Cantonese, natural'],
  ['粤语男声', 'male', 'zh-HK', 'Cantonese, steady'],
  ['Emma', 'female', 'en-US', 'American English, conversational'],
  ['Olivia', 'female', 'en-GB', 'British English, polished'],
  ['James', 'male', 'en-US', 'American English, confident'],
  ['Noah', 'male', 'en-GB', 'British English, calm'],
  ['Sakura', 'female', 'ja-JP', 'Japanese, gentle'],
];
const STYLES = ['标准', '情感'] as const;
const EMOTIONS = ['neutral', 'happy', 'sad', 'angry', 'surprise'] as const;

/**
 * The built-in catalogue: 8 anchors × 3 outfits × 2 poses = 48 avatars, 16 voices × 2 styles =
 * 32 timbres; keys are stable across runs. Media URLs point at the mock's own `origin`.
 *
 * @example
 * ```ts
 * import { createMockGateway, defaultCatalogue } from '@tvs/mock-gateway';
 * const catalogue = defaultCatalogue();
 * const gateway = createMockGateway({
 *   credentials: [{ appkey: 'k', accessToken: 't' }],
 *   catalogue: { ...catalogue, avatars: catalogue.avatars.slice(0, 1) }, // an account with one avatar
 * });
 * ```
 */
export function defaultCatalogue(expireDate = '2099-12-31 23:59:59'): Catalogue {
  const anchors: Anchor[] = [];
  const avatars: Avatar[] = [];
  for (const [name, code, gender, type, desc] of ANCHORS) {
    anchors.push({
      AnchorName: name,
      AnchorCode: code,
      AnchorDesc: desc,
      VirtualmanTypeCode: type,
      Gender: gender,
      AvatarCount: OUTFITS.length * POSES.length,
    });
    for (const outfit of OUTFITS) {
      for (const pose of POSES) {
        const key = keyFor(`avatar/${code}/${outfit}/${pose}`);
        avatars.push({
          VirtualmanKey: key,
          AnchorName: name,
          AnchorCode: code,
          ClothesName: outfit,
          PoseName: pose,
          VirtualmanTypeCode: type,
          HeaderImage: `/media/avatars/${key}.jpg`,
          SupportDriverTypes: DRIVERS,
          ExpireDate: expireDate,
        });
      }
    }
  }
  const timbres: Timbre[] = [];
  for (const [name, gender, language, desc] of VOICES) {
    for (const style of STYLES) {
      const key = `${gender}_${keyFor(`timbre/${name}/${style}`).slice(0, 12)}`;
      timbres.push({
        TimbreKey: key,
        TimbreName: `${name}（${style}）`,
        TimbreSample: `/media/timbres/${key}.mp3`,
        TimbreDesc: desc,
        TimbreLanguage: language,
        TimbreGender: gender,
        SupportVirtualmanTypeCodes: ['2D_SMALL_SAMPLE', '3D_REALISTIC'],
        SupportDriverTypes: ['Text'],
        EmotionalCategories: style === '情感' ? EMOTIONS : ['neutral'],
        ExpireDate: expireDate,
      });
    }
  }
  return { anchors, avatars, timbres };
}

/** One page of `items`: 1-based `pageIndex`, `pageSize` items. */
export function page<T>(items: readonly T[], pageIndex: number, pageSize: number): T[] {
  const start = (pageIndex - 1) * pageSize;
  return items.slice(start, start + pageSize);
}
