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

  it('reads TVS_BASE_URL, so a client points at a mock gateway without code changes', () => {
    const r = resolveOptions(
      {},
      { TVS_APPKEY: 'a', TVS_ACCESS_TOKEN: TOKEN, TVS_BASE_URL: 'http://127.0.0.1:8787/' },
    );
    expect(r.baseUrl).toBe('http://127.0.0.1:8787');
    const given = resolveOptions({ baseUrl: 'http://x.test' }, { TVS_BASE_URL: 'http://y.test' });
    expect(given.baseUrl).toBe('http://x.test');
    // A signing proxy from the environment needs no credentials, as one given in code.
    expect(
      resolveOptions({}, { TVS_BASE_URL: 'https://proxy.example' }).credentials,
    ).toBeUndefined();
    expect(() => resolveOptions({}, { TVS_BASE_URL: 'nope' })).toThrow(/TVS_BASE_URL/);
  });

  it('throws on an unknown option name, suggesting the nearest known one', () => {
    const ok = { appkey: 'a', accessToken: TOKEN };
    expect(() => resolveOptions({ ...ok, baseURL: 'http://127.0.0.1:8787' } as never, {})).toThrow(
      /unknown option "baseURL"; did you mean "baseUrl"\?/,
    );
    expect(() => resolveOptions({ ...ok, timout: 5 } as never, {})).toThrow(
      /did you mean "timeout"/,
    );
    expect(() => resolveOptions({ ...ok, appKey: 'a' } as never, {})).toThrow(
      /did you mean "appkey"/,
    );
    expect(() => resolveOptions({ ...ok, zzzzzzzz: 1 } as never, {})).toThrow(
      /unknown option "zzzzzzzz" \(known: appkey/,
    );
    for (const bad of [() => resolveOptions({ ...ok, baseURL: 'x' } as never, {})]) {
      expect(bad).toThrow(TypeError);
    }
  });

  it('refuses a baseUrl with user info, quoting neither it nor the token', () => {
    const ok = { appkey: 'a', accessToken: TOKEN };
    for (const baseUrl of ['http://user:pw-SECRET@127.0.0.1:1', 'https://only-user@gw.example']) {
      let message = '';
      try {
        resolveOptions({ ...ok, baseUrl }, {});
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/must not carry user info/);
      expect(message).not.toMatch(/pw-SECRET|only-user|tok-SECRET/);
    }
  });

  it('refuses an access token where document exists, unless dangerouslyAllowBrowser', () => {
    const global = globalThis as { document?: unknown };
    global.document = {};
    try {
      expect(() => resolveOptions({ appkey: 'a', accessToken: TOKEN }, {})).toThrow(/edge signer/);
      expect(
        resolveOptions({ appkey: 'a', accessToken: TOKEN, dangerouslyAllowBrowser: true }, {})
          .credentials?.appkey,
      ).toBe('a');
      // A page without credentials, through the edge signer, is what the guard points at.
      expect(resolveOptions({ baseUrl: 'https://edge.example' }, {}).credentials).toBeUndefined();
    } finally {
      delete global.document;
    }
  });

  it('validates the new options: maxResponseBytes, hooks, fetch, now', () => {
    const ok = { appkey: 'a', accessToken: TOKEN };
    expect(resolveOptions(ok, {}).maxResponseBytes).toBe(16 * 2 ** 20);
    expect(() => resolveOptions({ ...ok, maxResponseBytes: 0 }, {})).toThrow(/maxResponseBytes/);
    expect(() => resolveOptions({ ...ok, hooks: { beforeSend: [] } as never }, {})).toThrow(
      /unknown hook "beforeSend"/,
    );
    expect(() => resolveOptions({ ...ok, hooks: { beforeRequest: [1] } as never }, {})).toThrow(
      /hooks.beforeRequest must be an array of functions/,
    );
    expect(() => resolveOptions({ ...ok, fetch: 'x' as never }, {})).toThrow(
      /fetch must be a function/,
    );
    expect(() => resolveOptions({ ...ok, now: 5 as never }, {})).toThrow(/now must be a function/);
    expect(() => resolveOptions({ ...ok, timeout: 2 ** 31 }, {})).toThrow(/timeout/);
  });
});
