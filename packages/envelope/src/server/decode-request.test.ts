import { describe, expect, it } from 'vitest';
import { encodeRequest } from '../encode-request.js';
import { TvsEnvelopeError } from '../errors/tvs-envelope-error.js';
import { decodeRequest } from './decode-request.js';

describe('decodeRequest', () => {
  it('reads back what encodeRequest builds', () => {
    const sent = encodeRequest({ TaskId: 't', N: [1] }, { requestId: 'r1' });
    expect(decodeRequest(JSON.stringify(sent))).toEqual(sent);
  });

  it('accepts a missing Header or RequestID', () => {
    expect(decodeRequest('{"Payload":{}}')).toEqual({ Header: {}, Payload: {} });
    expect(decodeRequest('{"Header":{},"Payload":{"A":1}}').Payload).toEqual({ A: 1 });
  });

  it('drops prototype keys', () => {
    const { Payload } = decodeRequest('{"Payload":{"__proto__":{"x":1},"A":1}}');
    expect(Payload).toEqual({ A: 1 });
    expect(Object.getPrototypeOf(Payload)).toBe(Object.prototype);
  });

  it.each([
    ['not JSON', 'nope', 'not-json', undefined],
    ['an array', '[]', 'not-an-envelope', undefined],
    ['a string Header', '{"Header":"x","Payload":{}}', 'bad-header', 'Header'],
    [
      'a numeric RequestID',
      '{"Header":{"RequestID":1},"Payload":{}}',
      'bad-header',
      'Header.RequestID',
    ],
    ['no Payload', '{"Header":{}}', 'bad-payload', 'Payload'],
    ['an array Payload', '{"Payload":[]}', 'bad-payload', 'Payload'],
  ])('refuses %s', (_what, body, code, path) => {
    try {
      decodeRequest(body);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TvsEnvelopeError);
      expect((error as TvsEnvelopeError).code).toBe(code);
      expect((error as TvsEnvelopeError).path).toBe(path);
      expect((error as TvsEnvelopeError).message).toMatch(/^request /);
    }
  });
});
