import { describe, expect, it } from 'vitest';
import { type Config, readConfig } from './config.js';
import { DEFAULT_ALLOWED_PATHS } from './default-paths.js';
import type { Env } from './env.js';

const TOKEN = 'config-test-access-token-5d1c0ffee';
const base: Env = {
  TVS_APPKEY: 'config-test-appkey',
  TVS_ACCESS_TOKEN: TOKEN,
  EDGE_BEARER_TOKEN: 'b'.repeat(32),
};

function ok(env: Env): Config {
  const result = readConfig(env);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
}

function problems(env: Env): string {
  const result = readConfig(env);
  if (result.ok) throw new Error('expected a configuration problem');
  return result.problems.join('\n');
}

describe('readConfig', () => {
  it('defaults: the mainland gateway, the default paths, 1 MiB, 30 s', () => {
    const config = ok(base);
    expect(config.gatewayOrigin).toBe('https://gw.tvs.qq.com');
    expect([...config.allowedPaths]).toEqual(DEFAULT_ALLOWED_PATHS);
    expect(config.allowedOrigins.size).toBe(0);
    expect(config.maxBodyBytes).toBe(1024 * 1024);
    expect(config.upstreamTimeoutMs).toBe(30_000);
    expect(config.signer.appkey).toBe('config-test-appkey');
  });

  it('reads lists separated by commas and whitespace, and the international gateway', () => {
    const config = ok({
      ...base,
      TVS_GATEWAY_URL: 'https://gw-sg.tvs.qq.com/',
      ALLOWED_ORIGINS: ' https://a.example,https://b.example:8443\nhttp://localhost:5173 ',
      ALLOWED_PATHS: '/v2/ivh/a/b/c, /v2/ivh/liveroom/liveroomservice/openliveroom',
      MAX_BODY_BYTES: '2048',
      UPSTREAM_TIMEOUT_MS: '5000',
    });
    expect(config.gatewayOrigin).toBe('https://gw-sg.tvs.qq.com');
    expect([...config.allowedOrigins]).toEqual([
      'https://a.example',
      'https://b.example:8443',
      'http://localhost:5173',
    ]);
    expect([...config.allowedPaths]).toEqual([
      '/v2/ivh/a/b/c',
      '/v2/ivh/liveroom/liveroomservice/openliveroom',
    ]);
    expect(config.maxBodyBytes).toBe(2048);
    expect(config.upstreamTimeoutMs).toBe(5000);
  });

  it('origin-only mode needs no bearer token', () => {
    const { EDGE_BEARER_TOKEN: _, ...env } = base;
    expect(ok({ ...env, ALLOWED_ORIGINS: 'https://a.example' }).bearerToken).toBeUndefined();
  });

  it('refuses to run as an open proxy: neither a bearer token nor origins', () => {
    const { EDGE_BEARER_TOKEN: _, ...env } = base;
    expect(problems(env)).toContain('open proxy');
  });

  it('names missing secrets', () => {
    expect(problems({ ...base, TVS_APPKEY: '' })).toContain('TVS_APPKEY');
    expect(problems({ ...base, TVS_ACCESS_TOKEN: ' ' })).toContain('TVS_ACCESS_TOKEN');
    expect(problems({ ...base, EDGE_BEARER_TOKEN: 'short' })).toContain('EDGE_BEARER_TOKEN');
    // It may travel as a WebSocket subprotocol: token characters only (hex, base64url…).
    for (const token of ['a/b+c='.repeat(4), `${'x'.repeat(20)} y`, `${'x'.repeat(20)},y`]) {
      expect(problems({ ...base, EDGE_BEARER_TOKEN: token })).toContain('WebSocket subprotocol');
    }
    expect(ok({ ...base, EDGE_BEARER_TOKEN: 'Ab0-_.~'.repeat(4) }).bearerToken).toBe(
      'Ab0-_.~'.repeat(4),
    );
  });

  it.each([
    ['http://gw.tvs.qq.com', 'https'],
    ['https://gw.tvs.qq.com/v2/ivh', 'origin only'],
    ['https://user:pw@gw.tvs.qq.com', 'origin only'],
    ['https://gw.tvs.qq.com?x=1', 'origin only'],
    ['gw.tvs.qq.com', 'absolute'],
  ])('refuses TVS_GATEWAY_URL %s', (url, why) => {
    expect(problems({ ...base, TVS_GATEWAY_URL: url })).toContain(why);
  });

  it('allows http only on loopback', () => {
    const config = ok({ ...base, TVS_GATEWAY_URL: 'http://127.0.0.1:8787' });
    expect(config.gatewayOrigin).toBe('http://127.0.0.1:8787');
    expect(ok({ ...base, TVS_GATEWAY_URL: 'http://localhost:1' }).gatewayOrigin).toBe(
      'http://localhost:1',
    );
  });

  it.each([
    '*',
    'https://a.example/',
    'https://a.example/path',
    'null',
    'app.example',
    'file:///x',
  ])('refuses the origin %s', (origin) => {
    expect(problems({ ...base, ALLOWED_ORIGINS: origin })).toContain('ALLOWED_ORIGINS entry 1');
  });

  it.each([
    '/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel',
    '/v1/ivh/a/b',
    '/v2/ivh/a',
    '/v2/ivh/a/../b',
    '/v2/ivh/a/b?x=1',
    '/v2/ivh/a/b/',
    'https://gw.tvs.qq.com/v2/ivh/a/b',
  ])('refuses the path %s', (path) => {
    expect(problems({ ...base, ALLOWED_PATHS: path })).toContain('ALLOWED_PATHS entry 1');
  });

  it.each([
    ['MAX_BODY_BYTES', '0'],
    ['MAX_BODY_BYTES', '1e3'],
    ['MAX_BODY_BYTES', String(64 * 1024 * 1024)],
    ['UPSTREAM_TIMEOUT_MS', '10'],
    ['UPSTREAM_TIMEOUT_MS', 'soon'],
  ])('refuses %s=%s', (name, value) => {
    expect(problems({ ...base, [name]: value })).toContain(name);
  });

  it('never names a secret value in its problems, even one pasted into the wrong variable', () => {
    const text = problems({
      ...base,
      EDGE_BEARER_TOKEN: 'x',
      TVS_GATEWAY_URL: TOKEN,
      ALLOWED_ORIGINS: TOKEN,
      ALLOWED_PATHS: TOKEN,
      MAX_BODY_BYTES: TOKEN,
    });
    expect(text).not.toContain(TOKEN);
    expect(text.split('\n').length).toBeGreaterThanOrEqual(5);
  });

  it('keeps no readable access token: the config serialises without it', () => {
    expect(JSON.stringify(ok(base))).not.toContain(TOKEN);
  });
});
