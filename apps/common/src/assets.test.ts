import { describe, expect, it } from 'vitest';
import { avatarName, fitsAvatar, pickAvatar, pickVoice, takesText } from './assets.js';

const avatar2d = {
  VirtualmanKey: 'a1',
  AnchorName: '云晓',
  ClothesName: '正装',
  PoseName: '站姿',
  VirtualmanTypeCode: '2D_SMALL_SAMPLE',
  SupportDriverTypes: ['Text', 'OriginalVoice'],
};
const voiceOnly = { ...avatar2d, VirtualmanKey: 'a0', SupportDriverTypes: ['OriginalVoice'] };

describe('asset helpers', () => {
  it('tells which avatars take text, and picks the first that does', () => {
    expect(takesText(avatar2d)).toBe(true);
    expect(takesText(voiceOnly)).toBe(false);
    expect(takesText({ VirtualmanKey: 'silent' })).toBe(true);
    expect(pickAvatar([voiceOnly, avatar2d])).toBe(avatar2d);
  });

  it("matches voices to the avatar's type", () => {
    const for3d = { TimbreKey: 'v3', SupportVirtualmanTypeCodes: ['3D_REALISTIC'] };
    const forBoth = {
      TimbreKey: 'v2',
      TimbreLanguage: 'zh-CN',
      SupportVirtualmanTypeCodes: ['2D_SMALL_SAMPLE', '3D_REALISTIC'],
    };
    expect(fitsAvatar(for3d, avatar2d)).toBe(false);
    expect(fitsAvatar(forBoth, avatar2d)).toBe(true);
    expect(fitsAvatar({ TimbreKey: 'any' }, avatar2d)).toBe(true);
    expect(pickVoice([for3d, forBoth], avatar2d, '你好')).toBe(forBoth);
  });

  it('names an avatar with its outfit and pose', () => {
    expect(avatarName(avatar2d)).toBe('云晓 (正装, 站姿)');
  });
});
