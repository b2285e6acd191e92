// Fuzzed hostile input (fast-check): request targets, methods, headers, bodies and command-channel
// frames from anyone on the network. The gateway may only refuse at the HTTP level or with a
// typed envelope: never a 5xx, never a crash, never a secret in any output, and memory stays bounded.
import { connect } from 'node:net';
import { COMMAND_CHANNEL_PATH, describeErrorCode, type Operation, operations } from '@tvs/envelope';
import { createMockGateway, type ListeningGateway, type MockGateway } from '@tvs/mock-gateway';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { APPKEY, envelope, post, signedUrl, T0, TOKEN } from './sign.js';

const MAX_CALLS = 300;
let gateway: MockGateway;
let server: ListeningGateway;
/** Everything the gateway said, to search for secrets at the end. */
const outputs: string[] = [];
/** Every signature sent, decoded. */
const signatures = new Set<string>();

beforeAll(async () => {
  gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => T0,
    maxCalls: MAX_CALLS,
    sessions: { prepareMs: 0, textIntervalMs: 0 },
  });
  server = await gateway.listen();
});
afterAll(() => server.close());

const paths = (Object.values(operations) as Operation[]).map((op) => op.path);
let nonce = 0;
/** A URL signed for `path`, each with its own signature (a `nonce` parameter is signed too). */
const signed = (base: string, path: string) => {
  const url = signedUrl(base, path, { extra: { nonce: String(++nonce) } });
  signatures.add(decodeURIComponent(url.split('signature=')[1]!));
  return url;
};

/** One raw HTTP/1.1 exchange on a fresh connection: the status and everything received. */
function exchange(request: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    const done = () => {
      outputs.push(text);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', done);
    socket.setTimeout(3000, () => socket.destroy());
    socket.write(request);
  });
}
const rawPost = (method: string, target: string, headers = '', body = '{"Payload":{}}') =>
  exchange(
    `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );

/** The status of a refusal the gateway may give: an HTTP-level or typed answer, never a 5xx. */
const refusedCleanly = (status: number) =>
  [200, 400, 401, 404, 405, 409, 413, 431].includes(status);

const targetChar = fc.constantFrom(
  ..."/abcXYZ09.-_~!$&'()*+,;=:@?#[]".split(''),
  '%',
  '%2F',
  '%2e',
  '%zz',
  '%ff',
  '%E0%A4',
  '//',
  '..',
  'media',
  'tasks',
  'v2',
  'ivh',
);

describe('fuzzed request targets (over a socket)', () => {
  it('never answer 5xx, and no URL in an answer names another host', async () => {
    const segment = fc.string({ unit: targetChar, minLength: 1, maxLength: 12 });
    const target = fc.oneof(
      fc.string({ unit: targetChar, maxLength: 40 }).map((t) => `/${t}`),
      fc.constantFrom(...paths, '/media/avatars/x.jpg', '/media/tasks/a/video.mp4'),
      fc
        .tuple(fc.constantFrom('tasks', 'avatars', 'timbres'), segment, segment)
        .map(([kind, a, b]) => `/media/${kind}/${a}/${b}`),
      // Signed, so the gateway answers with URLs (the catalogue's media) if it takes the host.
      fc
        .tuple(
          fc.constantFrom('http://', 'https://', 'ftp://', '//', 'http:', ''),
          fc.domain(),
          fc.constantFrom(...paths),
        )
        .map(([scheme, host, path]) =>
          signed(server.url, path).replace(server.url, `${scheme}${host}`),
        ),
    );
    await fc.assert(
      fc.asyncProperty(target, fc.constantFrom('POST', 'GET', 'HEAD'), async (t, method) => {
        const { status, text } = await rawPost(method, t);
        expect(refusedCleanly(status), `${t} → ${status}`).toBe(true);
        for (const url of text.match(/https?:\/\/[^"\s]+/g) ?? []) {
          expect(url.startsWith(server.url), `${t} answered ${url}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('fuzzed methods (over a socket)', () => {
  it('are refused at the HTTP level, and the gateway keeps serving', async () => {
    const method = fc.oneof(
      fc.constantFrom(
        'GET',
        'HEAD',
        'PUT',
        'DELETE',
        'PATCH',
        'OPTIONS',
        'TRACE',
        'CONNECT',
        'PROPFIND',
        'MKCOL',
        'PURGE',
        'M-SEARCH',
        'QUERY',
        'SOURCE',
        'post',
      ),
      fc.stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-]{1,10}$/),
    );
    await fc.assert(
      fc.asyncProperty(method, fc.constantFrom(...paths), async (m, path) => {
        const { status } = await rawPost(m, signed(server.url, path));
        expect(refusedCleanly(status), `${m} → ${status}`).toBe(true);
        if (m !== 'POST') expect(status).not.toBe(200);
      }),
      { numRuns: 120 },
    );
    const after = await post(signed(server.url, paths[0]!), {});
    expect(after.status).toBe(200);
  });
});

const headerName = fc
  .stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/)
  .filter(
    (name) =>
      !['content-length', 'transfer-encoding', 'connection', 'host', 'expect', 'upgrade'].includes(
        name.toLowerCase(),
      ),
  );
const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

describe('fuzzed headers', () => {
  it('change nothing about a valid call, over a socket and through fetch', async () => {
    const path = operations['assets.timbres'].path;
    const body = envelope({ PageIndex: 1, PageSize: 1 });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(headerName, headerValue, { maxKeys: 8 }), async (headers) => {
        const lines = Object.entries(headers)
          .map(([name, value]) => `${name}: ${value.trim()}\r\n`)
          .join('');
        const viaSocket = await rawPost(
          'POST',
          signed(server.url, path).slice(server.url.length),
          lines,
          body,
        );
        expect(viaSocket.status).toBe(200);
        const response = await gateway.fetch(signed('http://gw.test', path), {
          method: 'POST',
          headers: Object.fromEntries(Object.entries(headers).map(([n, v]) => [n, v.trim()])),
          body,
        });
        const text = await response.text();
        outputs.push(text);
        expect(response.status).toBe(200);
        expect(JSON.parse(text).Header.Code).toBe(0);
      }),
      { numRuns: 80 },
    );
  });
});

/** JSON values as a hostile caller writes them, the fields of the operation included. */
function payloads(op: Operation) {
  const names = [...Object.keys(op.required), 'TaskId', 'SessionId', 'ReqId', 'Data', 'Padding'];
  return fc.dictionary(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
}

describe('fuzzed bodies', () => {
  it('are answered with a typed envelope: a documented code, a Class:text message', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 4 }),
      fc.jsonValue({ maxDepth: 3 }).map((Payload) => JSON.stringify({ Header: {}, Payload })),
      fc
        .constantFrom(...(Object.values(operations) as Operation[]))
        .chain((op) => payloads(op).map((p) => ({ op, text: envelope(p) }))),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(...paths), async (b, fallbackPath) => {
        const [path, text] = typeof b === 'string' ? [fallbackPath, b] : [b.op.path, b.text];
        const response = await gateway.fetch(signed('http://gw.test', path), {
          method: 'POST',
          body: text,
        });
        const answer = await response.text();
        outputs.push(answer);
        expect([200, 413], `${path} ${text} → ${response.status} ${answer}`).toContain(
          response.status,
        );
        const { Header } = JSON.parse(answer);
        expect(typeof Header.Code).toBe('number');
        if (Header.Code !== 0) {
          expect(describeErrorCode(Header.Code).documented, answer).toBe(true);
          expect(Header.Message).toMatch(/^[A-Z][\w.]*:\S/);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('arbitrary bytes over a socket are refused cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const head =
          `POST ${signed(server.url, paths[0]!).slice(server.url.length)} HTTP/1.1\r\n` +
          `Host: x\r\nConnection: close\r\nContent-Length: ${bytes.length}\r\n\r\n`;
        const { status } = await exchange(
          Buffer.concat([Buffer.from(head), bytes]).toString('latin1'),
        );
        expect(refusedCleanly(status)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('fuzzed command-channel frames', () => {
  it('get Type 9 refusals with documented codes, and the socket stays open', async () => {
    const S = '/v2/ivh/sessionmanager/sessionmanagerservice/';
    const reqId = () => crypto.randomUUID().replaceAll('-', '');
    const created = await post(signed(server.url, `${S}createsession`), {
      ReqId: reqId(),
      VirtualmanProjectId: 'p',
      UserId: 'fuzz',
      Protocol: 'webrtc',
      DriverType: 3,
    });
    const SessionId = created.json.Payload.SessionId as string;
    await post(signed(server.url, `${S}startsession`), { ReqId: reqId(), SessionId });
    const url = signedUrl(server.url.replace('http', 'ws'), COMMAND_CHANNEL_PATH, {
      extra: { requestid: SessionId },
    });
    const ws = new WebSocket(url);
    const received: string[] = [];
    ws.on('message', (data) => received.push(String(data)));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const commands = fc.constantFrom(
      'SEND_TEXT',
      'SEND_STREAMTEXT',
      'SEND_AUDIO',
      'SEND_HEARTBEAT',
      'NOPE',
    );
    const frame = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.json({ maxDepth: 3 }),
      fc
        .record(
          {
            ReqId: fc.oneof(fc.constant(reqId()), fc.string({ maxLength: 40 }), fc.integer()),
            SessionId: fc.oneof(fc.constant(SessionId), fc.string({ maxLength: 40 })),
            Command: fc.oneof(commands, fc.jsonValue()),
            Data: fc.oneof(
              fc.record(
                {
                  Text: fc.oneof(fc.string({ maxLength: 60 }), fc.jsonValue()),
                  Seq: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.jsonValue()),
                  IsFinal: fc.oneof(fc.boolean(), fc.jsonValue()),
                  Interrupt: fc.oneof(fc.boolean(), fc.jsonValue()),
                  Audio: fc.oneof(fc.base64String({ maxLength: 40 }), fc.string({ maxLength: 40 })),
                },
                { requiredKeys: [] },
              ),
              fc.jsonValue({ maxDepth: 2 }),
            ),
          },
          { requiredKeys: [] },
        )
        .map((Payload) => JSON.stringify({ Header: {}, Payload })),
      fc.uint8Array({ maxLength: 50 }),
    );
    await fc.assert(
      fc.asyncProperty(frame, async (f) => {
        ws.send(f);
      }),
      { numRuns: 300 },
    );
    // A heartbeat after the storm still goes through the same socket, in order.
    ws.send(
      JSON.stringify({
        Header: {},
        Payload: { ReqId: reqId(), SessionId, Command: 'SEND_HEARTBEAT', Data: { Text: 'PING' } },
      }),
    );
    // Wait for the answers, however loaded the machine: no fixed sleep.
    await vi.waitFor(
      () => {
        expect(received.length).toBeGreaterThan(100);
        expect(gateway.sessions.get(SessionId)?.heartbeats).toBeGreaterThan(0);
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(ws.readyState).toBe(WebSocket.OPEN);
    for (const text of received) {
      outputs.push(text);
      const { Payload } = JSON.parse(text);
      expect(typeof Payload.Type).toBe('number');
      if (Payload.Code !== undefined) expect(describeErrorCode(Payload.Code).documented).toBe(true);
    }
    expect(gateway.sessions.get(SessionId)?.heartbeats).toBeGreaterThan(0);
    ws.close();
  });
});

describe('after all of it', () => {
  it('keeps the call log bounded and every record small', () => {
    expect(gateway.calls.length).toBeLessThanOrEqual(MAX_CALLS);
    for (const call of gateway.calls) expect(JSON.stringify(call).length).toBeLessThan(6000);
  });

  it('never let the access token or a signature out', () => {
    const everything = [...outputs, JSON.stringify(gateway.calls), JSON.stringify(gateway.tasks)];
    expect(signatures.size).toBeGreaterThan(100);
    const text = everything.join('\n');
    expect(text).not.toContain(TOKEN);
    // Every Base64 run that could be a signature (32 bytes: 43 characters and '='), URL-encoded too.
    const decoded = text.replace(/%2B/gi, '+').replace(/%2F/gi, '/').replace(/%3D/gi, '=');
    const leaked = (decoded.match(/[A-Za-z0-9+/]{43}=/g) ?? []).filter((s) => signatures.has(s));
    expect(leaked).toEqual([]);
  });
});
