import { connect } from 'node:net';
import { createMockGateway, type ListeningGateway, type MockGateway } from '@tvs/mock-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPKEY, PATHS, post, signedUrl, T0, TOKEN } from './sign.js';

let gateway: MockGateway;
let server: ListeningGateway;
beforeAll(async () => {
  gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => T0,
  });
  server = await gateway.listen();
});
afterAll(() => server.close());

const url = (path: string = PATHS.progress) => signedUrl(server.url, path);
const HEX32 = /^[0-9a-f]{32}$/;

/** Sends raw bytes and resolves with whatever comes back before the socket closes. */
function raw(data: string | Buffer, waitMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => resolve(text));
    socket.on('close', () => resolve(text));
    socket.setTimeout(waitMs, () => socket.destroy());
    socket.write(data);
  });
}

describe('hostile input over loopback', () => {
  it.each([
    ['invalid JSON', '{"Header": {', 'InvalidParameter.JsonParseError'],
    ['an empty body', '', 'InvalidParameter.JsonParseError'],
    ['binary garbage', '\u0000\u0001\u0002\uFFFD', 'InvalidParameter.JsonParseError'],
    ['a JSON array', '[1,2,3]', 'InvalidParameter.InvalidEnvelope'],
    ['a JSON string', '"hello"', 'InvalidParameter.InvalidEnvelope'],
    ['no Payload', '{"Header":{}}', 'InvalidParameter.InvalidEnvelope'],
    ['a Payload array', '{"Header":{},"Payload":[]}', 'InvalidParameter.InvalidEnvelope'],
    [
      'a deep nesting bomb',
      `{"Header":{},"Payload":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
      'InvalidParameter.JsonParseError',
    ],
  ])('answers %s with 100001 and a fresh 32-hex RequestID', async (_what, body, errorClass) => {
    const reply = await post(url(), body);
    expect(reply.status).toBe(200);
    expect(reply.json.Header.Code).toBe(100001);
    expect(reply.json.Header.Message.startsWith(`${errorClass}:`)).toBe(true);
    expect(reply.json.Header.RequestID).toMatch(HEX32);
  });

  it('echoes the caller RequestID on an envelope error', async () => {
    const reply = await post(url(), '{"Header":{"RequestID":"mine-42"},"Payload":7}');
    expect(reply.json.Header).toMatchObject({ Code: 100001, RequestID: 'mine-42' });
  });

  it('names a missing required field', async () => {
    const reply = await post(url(), {}, { requestId: 'r-missing' });
    expect(reply.json.Header).toMatchObject({ Code: 100001, RequestID: 'r-missing' });
    expect(reply.json.Header.Message).toMatch(
      /^InvalidParameter\.MissingParameter:.*Payload\.TaskId/,
    );
  });

  it('names an ill-typed required field', async () => {
    const reply = await post(url(), { TaskId: { nested: true } });
    expect(reply.json.Header.Code).toBe(100001);
    expect(reply.json.Header.Message).toMatch(
      /^InvalidParameter\.TypeMismatch:.*Payload\.TaskId.*string/,
    );
    const maker = await post(url(PATHS.make), { VirtualmanKey: 42, InputSsml: 'hi' });
    expect(maker.json.Header.Message).toMatch(/Payload\.VirtualmanKey/);
  });

  it('refuses a body over 1 MB with 413 and keeps serving', async () => {
    const big = `{"Header":{"RequestID":"big"},"Payload":{"InputSsml":"${'x'.repeat(1024 * 1024)}"}}`;
    const reply = await post(url(PATHS.make), big);
    expect(reply.status).toBe(413);
    expect(reply.json.Header.Code).toBe(100002);
    expect(reply.json.Header.Message).toMatch(/^InvalidParameter\.BodyTooLarge:/);
    expect((await post(url(), { TaskId: 'x' })).json.Header.Code).toBe(110006);
  });

  it('refuses a chunked body that grows past 1 MB without reading it all', async () => {
    const chunk = 'a'.repeat(64 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 8 * 1024 * 1024) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const response = await fetch(url(PATHS.make), {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit).catch((error: unknown) => error);
    if (response instanceof Response) expect(response.status).toBe(413);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  });

  it('answers a declared Content-Length over 1 MB from the header alone', async () => {
    const text = await raw(
      `POST ${PATHS.make} HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n{`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 413/);
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])(
    'refuses %s on an API path with 405',
    async (method) => {
      const reply = await post(url(), { TaskId: 'x' }, { method });
      expect(reply.status).toBe(405);
      expect(reply.headers.get('allow')).toBe('POST');
      expect(reply.json.Header.Code).toBe(100003);
    },
  );

  it('answers an unknown path with a 404 envelope', async () => {
    for (const path of [
      '/',
      '/v2/ivh/nope',
      '/v2/ivh/videomaker/broadcastservice/videomake/extra',
      '/media/tasks/x/y',
    ]) {
      const reply = await post(signedUrl(server.url, path), { a: 1 }, { requestId: 'lost' });
      expect(reply.status).toBe(404);
      expect(reply.json.Header).toMatchObject({ Code: 100009, RequestID: 'lost' });
    }
  });

  it('answers malformed HTTP with 400 and survives', async () => {
    expect(await raw('NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(Buffer.from([0, 1, 2, 3, 255, 254, 13, 10, 13, 10]))).toMatch(
      /^HTTP\/1\.1 400/,
    );
    await raw(`POST ${PATHS.make} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"half`, 300);
    expect((await post(url(), { TaskId: 'x' })).json.Header.Code).toBe(110006);
  });

  it('does not let a URL target without a leading slash crash it', async () => {
    expect(
      await raw(
        'POST http://[bad HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      ),
    ).toMatch(/^HTTP\/1\.1 (400|404)/);
  });

  it('takes media URLs from the listening address, never from an absolute-form target', async () => {
    const signed = signedUrl(server.url, PATHS.timbres);
    const target = signed.replace(server.url, 'http://attacker.example:81');
    const body = JSON.stringify({ Header: {}, Payload: { PageIndex: 1, PageSize: 1 } });
    const text = await raw(
      `POST ${target} HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    const reply = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
    expect(reply.Payload.TimbreAssets[0].TimbreSample.startsWith(`${server.url}/media/`)).toBe(
      true,
    );
    expect(text).not.toContain('attacker.example');
  });

  it('keeps a target that starts with // a path of the listening address', async () => {
    // Resolved as a URL, //attacker.example/… would name a host (and answer with its media URLs).
    const text = await raw(
      `POST //attacker.example${PATHS.timbres} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 404/);
    expect(text).not.toContain('http://attacker.example');
    expect(gateway.calls.at(-1)!.path).toBe(`//attacker.example${PATHS.timbres}`);
  });

  it.each([
    ['a media path', '/media/tasks/%zz/video.mp4', 'GET'],
    ['a media path with a lone %', '/media/avatars/%.jpg', 'GET'],
    ['an API path', `${PATHS.progress}%E0%A4%A`, 'POST'],
    ['bytes that are not UTF-8', '/media/tasks/%ff%fe/video.mp4', 'HEAD'],
  ])('answers a malformed percent escape in %s with 400', async (_what, path, method) => {
    const reply = await post(signedUrl(server.url, path), { TaskId: 'x' }, { method });
    expect(reply.status).toBe(400);
    if (method !== 'HEAD') {
      expect(reply.json.Header).toMatchObject({ Code: 100003 });
      expect(reply.json.Header.Message).toMatch(/^InvalidParameter\.Path:/);
    }
    expect(gateway.calls.at(-1)).toMatchObject({ httpStatus: 400, verdict: 'refused' });
  });

  it.each(['TRACE', 'CONNECT'])('answers %s with 405 and keeps serving', async (method) => {
    const target = method === 'CONNECT' ? 'gw.tvs.qq.com:443' : PATHS.progress;
    const text = await raw(`${method} ${target} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(text).toMatch(/^HTTP\/1\.1 405/);
    expect(text).toMatch(/\r\nallow: POST\r\n/i);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).Header.Code).toBe(100003);
    expect((await post(url(), { TaskId: 'x' })).json.Header.Code).toBe(110006);
  });

  it('keeps paths and redacted queries in the call log, never a signature', async () => {
    const signed = signedUrl(server.url, PATHS.progress, { extra: { requestid: 'abc' } });
    const sent = decodeURIComponent(signed.split('signature=')[1]!);
    await post(signed, { TaskId: 'x' });
    // A second signature spelled as the gateway would still read it.
    await post(`${signed}&%73ignature=${encodeURIComponent(sent)}`, { TaskId: 'x' });
    const [first, second] = gateway.calls.slice(-2);
    expect(first).toMatchObject({ path: PATHS.progress });
    expect(first!.query).toMatch(/(^|&)signature=REDACTED(&|$)/);
    expect(second!.query).toMatch(/&%73ignature=REDACTED$/);
    const log = JSON.stringify(gateway.calls);
    expect(log).not.toContain(sent);
    expect(log).not.toContain(encodeURIComponent(sent));
    expect(log).not.toContain(server.url);
  });
});
