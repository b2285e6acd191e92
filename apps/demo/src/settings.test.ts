import { describe, expect, it } from 'vitest';
import { DEFAULT_RENDER_SPEED, readTarget, UsageError } from './settings.js';

describe('readTarget', () => {
  it('runs the embedded mock without credentials', () => {
    expect(readTarget({})).toEqual({ kind: 'mock', renderSpeed: DEFAULT_RENDER_SPEED });
    expect(readTarget({ TVS_APPKEY: ' ', TVS_DEMO_RENDER_SPEED: '4' })).toEqual({
      kind: 'mock',
      renderSpeed: 4,
    });
  });

  it('uses the region host with both credentials, or TVS_BASE_URL', () => {
    expect(readTarget({ TVS_APPKEY: 'k', TVS_ACCESS_TOKEN: 't', TVS_REGION: 'sg' })).toEqual({
      kind: 'gateway',
      appkey: 'k',
      accessToken: 't',
      region: 'sg',
      baseUrl: 'https://gw-sg.tvs.qq.com',
    });
    expect(
      readTarget({ TVS_APPKEY: 'k', TVS_ACCESS_TOKEN: 't', TVS_BASE_URL: 'http://127.0.0.1:9/' }),
    ).toMatchObject({ kind: 'gateway', region: 'cn', baseUrl: 'http://127.0.0.1:9' });
  });

  it('treats TVS_BASE_URL without credentials as a signing proxy', () => {
    expect(readTarget({ TVS_BASE_URL: 'https://signer.example' })).toEqual({
      kind: 'proxy',
      region: 'cn',
      baseUrl: 'https://signer.example',
    });
  });

  it.each([
    [{ TVS_APPKEY: 'k' }, /TVS_APPKEY is set but TVS_ACCESS_TOKEN is not/],
    [{ TVS_ACCESS_TOKEN: 't' }, /TVS_ACCESS_TOKEN is set but TVS_APPKEY is not/],
    [{ TVS_REGION: 'eu' }, /TVS_REGION must be "cn" or "sg"/],
    [{ TVS_BASE_URL: 'nope' }, /TVS_BASE_URL is not a URL/],
    [{ TVS_BASE_URL: 'ftp://x' }, /must be an http\(s\) URL/],
    [{ TVS_DEMO_RENDER_SPEED: '0' }, /positive number/],
  ])('refuses %o', (env, message) => {
    expect(() => readTarget(env)).toThrow(UsageError);
    expect(() => readTarget(env)).toThrow(message);
  });

  it('never puts a token in a message', () => {
    try {
      readTarget({ TVS_ACCESS_TOKEN: 'secret-token-value' });
    } catch (error) {
      expect(
        JSON.stringify([(error as UsageError).message, (error as UsageError).hints]),
      ).not.toContain('secret-token-value');
    }
  });
});
