import { describe, expect, it } from 'vitest';
import { isJsonContentType, readJsonBody } from './body.js';

describe('isJsonContentType', () => {
  it.each([
    'application/json',
    'application/json;charset=utf-8',
    'application/json; charset=UTF-8',
    'APPLICATION/JSON; charset="utf-8"',
    'application/json;',
  ])('accepts %s', (type) => expect(isJsonContentType(type)).toBe(true));

  it.each([
    null,
    '',
    'text/json',
    'application/jsonx',
    'application/json+x',
    'application/json; charset=iso-8859-1',
    'application/json; boundary=x',
    'text/plain; charset=utf-8',
  ])('refuses %s', (type) => expect(isJsonContentType(type)).toBe(false));
});

describe('readJsonBody', () => {
  const request = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    new Request('https://edge.example/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });

  it('returns the exact bytes and the parsed object', async () => {
    const text = '{ "Payload" : {"a":"字"} }';
    const result = await readJsonBody(request(text), 1024);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new TextDecoder().decode(result.bytes)).toBe(text);
    expect(result.value).toEqual({ Payload: { a: '字' } });
  });

  it('refuses on a declared Content-Length without reading', async () => {
    let pulled = false;
    const body = new ReadableStream(
      {
        pull(controller) {
          pulled = true;
          controller.close();
        },
      },
      { highWaterMark: 0 }, // pulled only when read
    );
    // Node's Request drops Content-Length (a forbidden header there); workerd keeps it.
    const req = {
      headers: new Headers({ 'Content-Type': 'application/json', 'Content-Length': '2000' }),
      body,
    } as unknown as Request;
    const result = await readJsonBody(req, 1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.status).toBe(413);
    expect(pulled).toBe(false);
  });

  it('stops reading a stream as soon as it passes the limit', async () => {
    let chunks = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks++;
        controller.enqueue(new Uint8Array(100));
      },
    });
    const req = new Request('https://edge.example/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const result = await readJsonBody(req, 1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.status).toBe(413);
    expect(chunks).toBeLessThanOrEqual(12);
  });

  it('refuses invalid UTF-8, non-objects and an empty body with 400', async () => {
    for (const body of [new Uint8Array([0x7b, 0xff, 0x7d]), '[]', '1', '', null]) {
      const result = await readJsonBody(request(body), 1024);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.response.status).toBe(400);
    }
  });

  it('refuses a wrong content type with 415 before reading', async () => {
    const result = await readJsonBody(request('{}', { 'Content-Type': 'text/plain' }), 1024);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.status).toBe(415);
  });
});
