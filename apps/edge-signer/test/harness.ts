import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { bundleWorker } from '../scripts/bundle.mjs';

/** Test credentials. Long and distinctive, so finding them in output cannot be a coincidence. */
export const APPKEY = 'edgetestappkey0123456789abcdef01';
export const ACCESS_TOKEN = 'edge-test-access-token-9f8e7d6c5b4a39281706';
export const BEARER = 'edge-bearer-0123456789abcdefABCDEF';
export const ORIGIN = 'https://app.example';
export const OTHER_ORIGIN = 'https://evil.example';
export const DESCRIBE_TIMBRE = '/v2/ivh/crmserver/customerassetservice/describetimbre';
export const VIDEOMAKE = '/v2/ivh/videomaker/broadcastservice/videomake';
export const GETPROGRESS = '/v2/ivh/videomaker/broadcastservice/getprogress';

/** One response as the caller saw it, for the secret scans. */
export interface Seen {
  readonly status: number;
  readonly headers: string;
  readonly body: string;
}

export interface WorkerHandle {
  /** `dispatchFetch` against `https://edge.example<path>`; records the response. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Where workerd listens on loopback, as `ws://127.0.0.1:<port>`, for real sockets. */
  readonly socketOrigin: string;
  /** Everything the Worker wrote to stdout/stderr so far. */
  readonly logs: string[];
  /** Every response so far. */
  readonly seen: Seen[];
  dispose(): Promise<void>;
}

let bundled: Promise<string> | undefined;
/** The Worker as `pnpm build` bundles it, minified, built once per test file. */
export function workerScript(): Promise<string> {
  bundled ??= bundleWorker({ minify: true }).then(({ code }) => code!);
  return bundled;
}

/** Bindings of a Worker with both caller checks on. */
export function defaultBindings(gatewayUrl: string): Record<string, string> {
  return {
    TVS_APPKEY: APPKEY,
    TVS_ACCESS_TOKEN: ACCESS_TOKEN,
    EDGE_BEARER_TOKEN: BEARER,
    ALLOWED_ORIGINS: `${ORIGIN}, http://localhost:5173`,
    TVS_GATEWAY_URL: gatewayUrl,
  };
}

/** Starts the bundled Worker in workerd with `bindings`. */
export async function startWorker(bindings: Record<string, string>): Promise<WorkerHandle> {
  const logs: string[] = [];
  const seen: Seen[] = [];
  const mf = new Miniflare({
    modules: true,
    script: await workerScript(),
    compatibilityDate: '2026-01-01',
    bindings,
    host: '127.0.0.1',
    port: 0,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
      stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    },
  });
  const ready = await mf.ready;
  return {
    logs,
    seen,
    socketOrigin: ready.origin.replace(/^http/, 'ws'),
    async fetch(path, init) {
      // Miniflare's fetch types differ from the DOM's in details that do not matter here.
      const response = (await mf.dispatchFetch(
        `https://edge.example${path}`,
        init as never,
      )) as unknown as Response;
      // A 101 has no body to read: its socket is the test's to use.
      const body = response.status === 101 ? '' : await response.clone().text();
      seen.push({ status: response.status, headers: JSON.stringify([...response.headers]), body });
      return response;
    },
    dispose: () => mf.dispose(),
  };
}

/** Headers of an authenticated JSON call from the allowed origin. */
export function authed(extra: Record<string, string> = {}): Record<string, string> {
  return {
    Authorization: `Bearer ${BEARER}`,
    Origin: ORIGIN,
    'Content-Type': 'application/json;charset=utf-8',
    ...extra,
  };
}

/** The subprotocols a page offers on the command channel: the fixed name and its bearer token. */
export const PROTOCOLS = ['tvs-edge-signer', `bearer.${BEARER}`];

/** A WebSocket handshake from the allowed origin with {@link PROTOCOLS}, for `dispatchFetch`. */
export function upgrade(headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'GET',
    headers: {
      Upgrade: 'websocket',
      Origin: ORIGIN,
      'Sec-WebSocket-Protocol': PROTOCOLS.join(', '),
      ...headers,
    },
  };
}

/** A `POST` init with a JSON body and authenticated headers. */
export function post(body: unknown, headers: Record<string, string> = authed()): RequestInit {
  return { method: 'POST', headers, body: JSON.stringify(body) };
}

/**
 * The texts in which any secret occurs: the access token (also percent-encoded or Base64), the
 * bearer token, a `signature=` parameter, and the appkey, which no answer of the Worker needs
 * now that no signed URL leaves it.
 */
export function secretsIn(texts: readonly string[]): string[] {
  const needles = [
    ACCESS_TOKEN,
    encodeURIComponent(ACCESS_TOKEN),
    btoa(ACCESS_TOKEN),
    BEARER,
    APPKEY,
    'signature=',
    'signature%3D',
  ];
  return texts.filter((text) => needles.some((needle) => text.includes(needle)));
}

/** What the recording upstream saw of one request. */
export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A loopback upstream that records each request and answers with an envelope plus headers the
 * Worker must not pass on, or when asked: with a redirect, with silence (`hangMs` before the
 * headers), with a body that comes `lateBodyMs` after the headers, or one trickled a byte every
 * `trickleMs`, or with more bytes than the Worker passes on (`hugeBody`).
 */
export async function startRecorder(
  mode: {
    redirect?: boolean;
    hangMs?: number;
    lateBodyMs?: number;
    trickleMs?: number;
    hugeBody?: boolean;
  } = {},
): Promise<{ url: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = () => {
        if (mode.redirect) {
          res.writeHead(302, { Location: 'https://elsewhere.example/' }).end();
          return;
        }
        res.writeHead(200, {
          'Content-Type': 'application/json;charset=utf-8',
          'Set-Cookie': 'upstream=1; Path=/',
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Credentials': 'true',
          'X-Upstream-Internal': 'yes',
          'Retry-After': '3',
        });
        const envelope = JSON.stringify({
          Header: { Code: 0, Message: '', RequestID: 'r1' },
          Payload: mode.hugeBody ? { Padding: 'x'.repeat(9 * 1024 * 1024) } : {},
        });
        if (mode.lateBodyMs) {
          res.flushHeaders();
          setTimeout(() => res.end(envelope), mode.lateBodyMs);
        } else if (mode.trickleMs) {
          let at = 0;
          const drip = setInterval(() => {
            if (res.destroyed || at >= envelope.length) {
              clearInterval(drip);
              res.end();
              return;
            }
            res.write(envelope[at++]!);
          }, mode.trickleMs);
        } else {
          res.end(envelope);
        }
      };
      if (mode.hangMs) setTimeout(answer, mode.hangMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
