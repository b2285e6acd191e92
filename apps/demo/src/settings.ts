import { HOSTS, type Region } from '@tvs/client';

/** A problem with how the demo was started (environment or arguments): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** What to do about it, one line each. */
  readonly hints: readonly string[];

  constructor(message: string, hints: readonly string[] = []) {
    super(message);
    this.hints = hints;
  }
}

/** The credentials of the embedded mock gateway (the same as `tvs-mock-gateway`'s defaults). */
export const MOCK_CREDENTIALS = { appkey: 'demo-appkey', accessToken: 'demo-access-token' };

/** Where the demo sends its calls, decided from the environment alone. */
export type Target =
  | { kind: 'mock'; renderSpeed: number }
  | { kind: 'gateway'; appkey: string; accessToken: string; region: Region; baseUrl: string }
  | { kind: 'proxy'; region: Region; baseUrl: string };

type Env = Readonly<Record<string, string | undefined>>;

const set = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** Render speed of the embedded mock: fast enough to take a few seconds, slow enough to watch. */
export const DEFAULT_RENDER_SPEED = 1.5;

function renderSpeed(env: Env): number {
  const raw = set(env['TVS_DEMO_RENDER_SPEED']);
  if (raw === undefined) return DEFAULT_RENDER_SPEED;
  const speed = Number(raw);
  if (!(Number.isFinite(speed) && speed > 0)) {
    throw new UsageError(`TVS_DEMO_RENDER_SPEED must be a positive number, got "${raw}".`, [
      'Unset it for the default, or try TVS_DEMO_RENDER_SPEED=5 for a faster mock render.',
    ]);
  }
  return speed;
}

function region(env: Env): Region {
  const raw = set(env['TVS_REGION']) ?? 'cn';
  if (raw !== 'cn' && raw !== 'sg') {
    throw new UsageError(`TVS_REGION must be "cn" or "sg", got "${raw}".`, [
      'cn is the mainland gateway (the default), sg the international one.',
    ]);
  }
  return raw;
}

function baseUrl(env: Env): string | undefined {
  const raw = set(env['TVS_BASE_URL']);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`TVS_BASE_URL is not a URL: "${raw}".`, [
      'Give an absolute http(s) URL, such as http://127.0.0.1:8787, or unset it.',
    ]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`TVS_BASE_URL must be an http(s) URL, got "${raw}".`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Reads `TVS_APPKEY`, `TVS_ACCESS_TOKEN`, `TVS_REGION`, `TVS_BASE_URL` and
 * `TVS_DEMO_RENDER_SPEED`. Both credentials → the gateway (or `TVS_BASE_URL`); neither → the
 * embedded mock, or a signing proxy when `TVS_BASE_URL` is set; only one → a `UsageError`.
 */
export function readTarget(env: Env = process.env): Target {
  const appkey = set(env['TVS_APPKEY']);
  const accessToken = set(env['TVS_ACCESS_TOKEN']);
  if ((appkey === undefined) !== (accessToken === undefined)) {
    const [present, missing] =
      appkey === undefined
        ? ['TVS_ACCESS_TOKEN', 'TVS_APPKEY']
        : ['TVS_APPKEY', 'TVS_ACCESS_TOKEN'];
    throw new UsageError(`${present} is set but ${missing} is not: credentials come as a pair.`, [
      `Set ${missing} too (both are in the TVS console, under your application) to use the real gateway,`,
      `or unset ${present} to run against the embedded mock gateway.`,
    ]);
  }
  const where = region(env);
  const url = baseUrl(env);
  if (appkey !== undefined && accessToken !== undefined) {
    return { kind: 'gateway', appkey, accessToken, region: where, baseUrl: url ?? HOSTS[where] };
  }
  if (url !== undefined) return { kind: 'proxy', region: where, baseUrl: url };
  return { kind: 'mock', renderSpeed: renderSpeed(env) };
}
