import { LIMITS } from '@tvs/envelope';
import { describe, expect, it } from 'vitest';
import { decodeBody, readLimited } from './read-body.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeBody', () => {
  it('decodes an envelope once: payload and the caller RequestID', () => {
    expect(decodeBody(bytes('{"Header":{"RequestID":"r1"},"Payload":{"a":1}}'))).toEqual({
      requestId: 'r1',
      payload: { a: 1 },
    });
    expect(decodeBody(bytes('{"Payload":{}}')).requestId).toBeUndefined();
    expect(
      decodeBody(bytes(`{"Header":{"RequestID":"${'x'.repeat(129)}"},"Payload":{}}`)).requestId,
    ).toBeUndefined();
  });

  it.each([
    ['', 'InvalidParameter.JsonParseError'],
    ['{"Header": {', 'InvalidParameter.JsonParseError'],
    ['[1]', 'InvalidParameter.InvalidEnvelope'],
    ['{"Header":{}}', 'InvalidParameter.InvalidEnvelope'],
  ])('refuses %j with 100001 %s', (text, errorClass) => {
    const { refusal } = decodeBody(bytes(text));
    expect(refusal?.code).toBe(100001);
    expect(refusal?.message.startsWith(`${errorClass}:`)).toBe(true);
  });

  it('refuses bytes that are not UTF-8, and echoes the RequestID of a refused envelope', () => {
    expect(decodeBody(new Uint8Array([0x7b, 0xff, 0x7d])).refusal?.message).toMatch(
      /^InvalidParameter\.JsonParseError:/,
    );
    expect(decodeBody(bytes('{"Header":{"RequestID":"mine"},"Payload":7}')).requestId).toBe('mine');
  });
});

describe('readLimited', () => {
  it('reads a body whole, and stops at the limit without reading the rest', async () => {
    const small = new Request('http://x/', { method: 'POST', body: 'hello' });
    expect(new TextDecoder().decode((await readLimited(small)) as Uint8Array)).toBe('hello');
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const big = new Request('http://x/', {
      method: 'POST',
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(await readLimited(big)).toBe('too-large');
    expect(pulled * 64 * 1024).toBeLessThan(LIMITS.REQUEST_BODY_BYTES + 256 * 1024);
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const declared = new Request('http://x/', {
      method: 'POST',
      body: '{}',
      headers: { 'content-length': String(LIMITS.REQUEST_BODY_BYTES + 1) },
    });
    expect(await readLimited(declared)).toBe('too-large');
  });
});
