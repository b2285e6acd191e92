// A small signer written for the tests with node:crypto alone, independent of @tvs/signer:
// docs/protocol.md §2 step by step, so the mock is checked against the protocol, not against our SDK.
import { createHmac } from 'node:crypto';

export const APPKEY = 'test-appkey';
export const TOKEN = 'test-access-token';
/** 2025-01-01T00:00:00Z: the tests' gateway clock starts here. */
export const T0 = Date.UTC(2025, 0, 1);

export function signedUrl(
  base: string,
  path: string,
  options: {
    appkey?: string;
    token?: string;
    timestamp?: number | string;
    extra?: Record<string, string>;
  } = {},
): string {
  const params: Record<string, string> = {
    appkey: options.appkey ?? APPKEY,
    timestamp: String(options.timestamp ?? Math.floor(T0 / 1000)),
    ...options.extra,
  };
  const canonical = Object.keys(params)
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join('&');
  const signature = createHmac('sha256', options.token ?? TOKEN)
    .update(canonical)
    .digest('base64');
  const query = Object.entries({ ...params, signature })
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${base}${path}?${query}`;
}

export function envelope(payload: unknown, requestId?: string): string {
  return JSON.stringify({ Header: requestId ? { RequestID: requestId } : {}, Payload: payload });
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience
  json: any;
}

/** POSTs a body (string, or an object wrapped in an envelope) and reads the reply. */
export async function post(
  url: string,
  body: unknown,
  init: { method?: string; requestId?: string; fetcher?: typeof fetch } = {},
): Promise<Reply> {
  const response = await (init.fetcher ?? fetch)(url, {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/json;charset=utf-8' },
    ...(init.method === 'GET' || init.method === 'HEAD'
      ? {}
      : { body: typeof body === 'string' ? body : envelope(body, init.requestId) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const PATHS = {
  make: '/v2/ivh/videomaker/broadcastservice/videomake',
  makeAdvanced: '/v2/ivh/videomaker/broadcastservice/videomakeadvanced',
  progress: '/v2/ivh/videomaker/broadcastservice/getprogress',
  tts: '/v2/ivh/videomaker/broadcastservice/tts',
  ppt: '/v2/ivh/mediaproduction/mediaproduction/videomakewithppt',
  pptProgress: '/v2/ivh/mediaproduction/mediaproduction/getprogress',
  timbres: '/v2/ivh/crmserver/customerassetservice/describetimbre',
  avatars: '/v2/ivh/crmserver/customerassetservice/describesmallsampleimage',
  anchors: '/v2/ivh/crmserver/customerassetservice/getanchor',
  anchorAvatars: '/v2/ivh/crmserver/customerassetservice/getimagebyanchor',
} as const;
