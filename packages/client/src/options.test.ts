import { describe, expect, it } from 'vitest';
import { readEnv, resolveOptions } from './options.js';

const TOKEN = 'tok-SECRET-options';

describe('resolveOptions', () => {
  it('takes credentials from the options and maps regions to hosts', () => {
    const cn = resolveOptions({ appkey: 'a', accessToken: TOKEN }, {});
    expect(cn.baseUrl).toBe('https://gw.tvs.qq.com');
    expect(cn.region).toBe('cn');
    const sg = resolveOptions({ appkey: 'a', accessToken: TOKEN, region: 'sg' }, {});
    expect(sg.baseUrl).toBe('https://gw-sg.tvs.qq.com');
  });

  it('falls back to TVS_APPKEY / TVS_ACCESS_TOKEN / TVS_REGION', () => {
    const r = resolveOptions(
      {},
      { TVS_APPKEY: 'env-app', TVS_ACCESS_TOKEN: TOKEN, TVS_REGION: 'sg' },
    );
    expect(r.credentials?.appkey).toBe('env-app');
    expect(r.baseUrl).toBe('https://gw-sg.tvs.qq.com');
  });

  it('treats variables the runtime will not let it read as unset (Deno without --allow-env)', () => {
    // Deno's process.env throws NotCapable on every read without the permission.
    const denied = new Proxy({} as Record<string, string | undefined>, {
      get(_target, name) {
        throw new Error(`NotCapable: Requires env access to "${String(name)}"`);
      },
    });
    const env = readEnv(denied);
    expect(env.TVS_REGION).toBeUndefined();
    const r = resolveOptions({ appkey: 'a', accessToken: TOKEN }, env);
    expect(r.region).toBe('cn');
    expect(r.logger).toBeUndefined();
    expect(() => resolveOptions({}, env)).toThrow(/no credentials/);
    expect(readEnv({ TVS_REGION: 'sg' }).TVS_REGION).toBe('sg');
    expect(readEnv(undefined)).toEqual({});
  });

  it('refuses missing and half-set credentials at construction, never quoting the token', () => {
    const attempts = [
      () => resolveOptions({}, {}),
      () => resolveOptions({ appkey: 'a' }, {}),
      () => resolveOptions({ accessToken: TOKEN }, {}),
      () => resolveOptions({}, { TVS_ACCESS_TOKEN: TOKEN }),
      () => resolveOptions({}, { TVS_APPKEY: 'a' }),
      // Options never pair with a stale environment variable.
      () => resolveOptions({ appkey: 'a' }, { TVS_ACCESS_TOKEN: TOKEN }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(TypeError);
      try {
        attempt();
      } catch (error) {
        expect(String((error as Error).message)).not.toContain(TOKEN);
        expect((error as Error).message).toMatch(/appkey|accessToken|credentials/);
      }
    }
  });

  it('allows no credentials with a baseUrl (a signing proxy)', () => {
    const r = resolveOptions({ baseUrl: 'https://proxy.example/tvs/' }, {});
    expect(r.credentials).toBeUndefined();
    expect(r.baseUrl).toBe('https://proxy.example/tvs');
  });

  it('validates region, baseUrl, timeouts, retry and logger', () => {
    const ok = { appkey: 'a', accessToken: TOKEN };
    expect(() => resolveOptions({ ...ok, region: 'us' as never }, {})).toThrow(/region/);
    expect(() =>
      resolveOptions({}, { TVS_APPKEY: 'a', TVS_ACCESS_TOKEN: 't', TVS_REGION: 'eu' }),
    ).toThrow(/region/);
    expect(() => resolveOptions({ ...ok, baseUrl: 'ftp://x' }, {})).toThrow(/baseUrl/);
    expect(() => resolveOptions({ ...ok, baseUrl: 'not a url' }, {})).toThrow(/baseUrl/);
    expect(() => resolveOptions({ ...ok, timeout: -1 }, {})).toThrow(/timeout/);
    expect(() => resolveOptions({ ...ok, retry: { limit: 1.5 } }, {})).toThrow(/limit/);
    expect(() => resolveOptions({ ...ok, logger: {} as never }, {})).toThrow(/logger/);
    expect(resolveOptions({ ...ok, retry: false }, {}).retry.limit).toBe(0);
    expect(resolveOptions({ ...ok, timeout: false }, {}).timeout).toBe(false);
  });

  it('turns on console logging with TVS_DEBUG=1', () => {
    const ok = { appkey: 'a', accessToken: TOKEN };
    expect(resolveOptions(ok, { TVS_DEBUG: '1' }).logger).toBeDefined();
    expect(resolveOptions(ok, {}).logger).toBeUndefined();
  });
});
