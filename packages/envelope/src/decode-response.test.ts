import { describe, expect, it } from 'vitest';
import { decodeResponse } from './decode-response.js';
import { TvsApiError } from './errors/tvs-api-error.js';
import { TvsEnvelopeError } from './errors/tvs-envelope-error.js';

const ok = (payload: unknown, header: Record<string, unknown> = {}) =>
  JSON.stringify({
    Header: { Code: 0, Message: '', RequestID: 'req-1', ...header },
    Payload: payload,
  });

/** The error `run` throws, failing the test when it throws nothing. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got none');
}

function envelopeError(body: unknown): TvsEnvelopeError {
  const error = thrown(() => decodeResponse(body));
  expect(error).toBeInstanceOf(TvsEnvelopeError);
  return error as TvsEnvelopeError;
}

describe('decodeResponse: success', () => {
  it('returns Header and Payload of a Code 0 envelope', () => {
    const { Header, Payload } = decodeResponse(ok({ TaskId: 't1', Nested: { A: [1, 2] } }));
    expect(Header).toEqual({ Code: 0, Message: '', RequestID: 'req-1' });
    expect(Payload).toEqual({ TaskId: 't1', Nested: { A: [1, 2] } });
  });

  it('keeps extra header keys such as SessionID and DialogID', () => {
    const { Header } = decodeResponse(ok({}, { SessionID: 's1', DialogID: 'd1' }));
    expect(Header.SessionID).toBe('s1');
    expect(Header.DialogID).toBe('d1');
  });

  it('reads an absent or null Payload as {}', () => {
    const header = { Code: 0, Message: '', RequestID: 'r' };
    expect(decodeResponse(JSON.stringify({ Header: header })).Payload).toEqual({});
    expect(decodeResponse(JSON.stringify({ Header: header, Payload: null })).Payload).toEqual({});
  });

  it('takes bytes (Uint8Array, ArrayBuffer, DataView) as UTF-8', () => {
    const bytes = new TextEncoder().encode(ok({ Text: '你好 😀' }));
    expect(decodeResponse(bytes).Payload).toEqual({ Text: '你好 😀' });
    expect(decodeResponse(bytes.buffer).Payload).toEqual({ Text: '你好 😀' });
    expect(decodeResponse(new DataView(bytes.buffer)).Payload).toEqual({ Text: '你好 😀' });
  });

  it('takes a value already parsed, and returns fresh objects', () => {
    const parsed = JSON.parse(ok({ List: [{ A: 1 }] }));
    const { Payload } = decodeResponse(parsed);
    expect(Payload).toEqual({ List: [{ A: 1 }] });
    expect(Payload).not.toBe(parsed.Payload);
    expect((Payload.List as unknown[])[0]).not.toBe(parsed.Payload.List[0]);
  });

  it('drops top-level keys other than Header and Payload', () => {
    const body = JSON.stringify({ Header: { Code: 0, Message: '', RequestID: 'r' }, Extra: 1 });
    expect(Object.keys(decodeResponse(body))).toEqual(['Header', 'Payload']);
  });
});

describe('decodeResponse: gateway errors', () => {
  it('throws TvsApiError for a non-zero Code, with the message split and the table consulted', () => {
    const body = JSON.stringify({
      Header: { Code: 100009, Message: 'InternalError.DataNotExist:记录不存在', RequestID: 'r9' },
      Payload: {},
    });
    const error = thrown(() => decodeResponse(body, { httpStatus: 200 })) as TvsApiError;
    expect(error).toBeInstanceOf(TvsApiError);
    expect(error).toMatchObject({
      name: 'TvsApiError',
      code: 100009,
      requestId: 'r9',
      httpStatus: 200,
      errorClass: 'InternalError.DataNotExist',
      detail: '记录不存在',
      gatewayMessage: 'InternalError.DataNotExist:记录不存在',
      category: 'not-found',
      retryable: false,
    });
    expect(error.message).toContain('100009');
    expect(error.message).toContain('InternalError.DataNotExist:记录不存在');
    expect(error.message).toContain(error.explanation);
  });

  it.each([
    [-101000, 'internal', true],
    [-101001, 'capacity', true],
    [-101002, 'validation', true],
    [100012, 'throttle', true],
    [100005, 'auth', false],
    [424242, 'unknown', false],
    [-1, 'unknown', false],
  ] as const)('classifies Code %i as %s (retryable: %s)', (code, category, retryable) => {
    const body = { Header: { Code: code, Message: 'X', RequestID: 'r' } };
    const error = thrown(() => decodeResponse(body)) as TvsApiError;
    expect(error).toBeInstanceOf(TvsApiError);
    expect([error.code, error.category, error.retryable]).toEqual([code, category, retryable]);
  });

  it('throws TvsApiError even when Message and RequestID are missing: the code is the news', () => {
    const error = thrown(() => decodeResponse('{"Header":{"Code":100012}}')) as TvsApiError;
    expect(error).toBeInstanceOf(TvsApiError);
    expect([error.code, error.gatewayMessage, error.requestId]).toEqual([100012, '', undefined]);
  });

  it('ignores the Payload of an error response', () => {
    const body = '{"Header":{"Code":100001,"Message":"m","RequestID":"r"},"Payload":"junk"}';
    expect(thrown(() => decodeResponse(body))).toBeInstanceOf(TvsApiError);
  });

  it('cuts a huge gateway message and keeps the error message under 1 KB', () => {
    const body = {
      Header: { Code: 100001, Message: `E.X:${'错'.repeat(100_000)}`, RequestID: 'r' },
    };
    const error = thrown(() => decodeResponse(body)) as TvsApiError;
    expect(new TextEncoder().encode(error.message).byteLength).toBeLessThan(1024);
    expect(error.gatewayMessage.length).toBeLessThanOrEqual(200);
    expect(JSON.stringify(error).length).toBeLessThan(2048);
  });
});

describe('decodeResponse: not an envelope', () => {
  it.each([
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>', 'not-json'],
    ['truncated JSON', '{"Header":{"Code":0', 'not-json'],
    ['an empty string', '', 'empty'],
    ['whitespace', ' \n\t', 'empty'],
    ['undefined', undefined, 'empty'],
    ['a JSON array', '[1,2]', 'not-an-envelope'],
    ['a JSON string', '"ok"', 'not-an-envelope'],
    ['null', 'null', 'not-an-envelope'],
    ['a parsed number', 42, 'not-an-envelope'],
    ['an object without Header', '{"message":"Not Found"}', 'not-an-envelope'],
    ['a Header that is a string', '{"Header":"x"}', 'not-an-envelope'],
    ['a Header that is an array', '{"Header":[]}', 'not-an-envelope'],
    ['a missing Code', '{"Header":{"Message":"","RequestID":"r"}}', 'bad-header'],
    ['a string Code', '{"Header":{"Code":"0","Message":"","RequestID":"r"}}', 'bad-header'],
    ['a fractional Code', '{"Header":{"Code":0.5,"Message":"","RequestID":"r"}}', 'bad-header'],
    [
      'an unsafe integer Code',
      '{"Header":{"Code":1e300,"Message":"","RequestID":"r"}}',
      'bad-header',
    ],
    ['a missing Message', '{"Header":{"Code":0,"RequestID":"r"}}', 'bad-header'],
    ['a numeric RequestID', '{"Header":{"Code":0,"Message":"","RequestID":7}}', 'bad-header'],
    [
      'a Payload array',
      '{"Header":{"Code":0,"Message":"","RequestID":"r"},"Payload":[]}',
      'bad-payload',
    ],
    [
      'a Payload string',
      '{"Header":{"Code":0,"Message":"","RequestID":"r"},"Payload":"x"}',
      'bad-payload',
    ],
    ['invalid UTF-8 bytes', new Uint8Array([0x7b, 0xff, 0x7d]), 'not-utf8'],
    ['a boolean', true, 'not-an-envelope'],
    ['a function', () => ok({}), 'not-json'],
    ['a Date', new Date(0), 'not-json'],
    ['a bigint', 10n, 'not-json'],
  ])('refuses %s (%s)', (_what, body, code) => {
    const error = envelopeError(body);
    expect(error.code).toBe(code);
    expect(error.category).toBe('envelope');
    expect(error.retryable).toBe(false);
  });

  it('names the field and keeps the RequestID when the header is readable', () => {
    const error = envelopeError('{"Header":{"Code":0,"Message":1,"RequestID":"r7"}}');
    expect(error.path).toBe('Header.Message');
    expect(error.requestId).toBe('r7');
    expect(error.message).toBe('response Header.Message must be a string, got a number');
  });

  it('quotes a short excerpt of a non-JSON body, escaped', () => {
    const error = envelopeError(`<html>\n${'x'.repeat(10_000)}`);
    expect(error.message).toMatch(/^response is not JSON; it starts "<html>\\nx+…"$/);
    expect(error.message.length).toBeLessThan(120);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('puts the HTTP status on envelope errors too', () => {
    const error = thrown(() => decodeResponse('<html/>', { httpStatus: 502 })) as TvsEnvelopeError;
    expect([error.code, error.httpStatus]).toEqual(['not-json', 502]);
  });

  it('refuses bodies over 16 MiB before parsing, strings and bytes alike', () => {
    const big = ok({ Blob: 'x'.repeat(16 * 1024 * 1024) });
    expect(envelopeError(big).code).toBe('too-large');
    expect(envelopeError(new Uint8Array(16 * 1024 * 1024 + 1)).code).toBe('too-large');
  });

  it('accepts a body just under 16 MiB', () => {
    const body = ok({ Blob: 'x'.repeat(16 * 1024 * 1024 - 200) });
    expect(decodeResponse(body).Payload.Blob).toHaveLength(16 * 1024 * 1024 - 200);
  });

  it('refuses nesting beyond 64 levels in text and in parsed values; accepts 64', () => {
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    // Header and Payload take two levels.
    const at = (levels: number) =>
      `{"Header":{"Code":0,"Message":"","RequestID":"r"},"Payload":{"A":${nested(levels - 2)}}}`;
    expect(decodeResponse(at(64)).Payload.A).toBeDefined();
    expect(envelopeError(at(65)).code).toBe('too-deep');
    expect(envelopeError(JSON.parse(at(65))).code).toBe('too-deep');
    expect(envelopeError(nested(1_000_000)).code).toBe('too-deep');
    // Refused by the scan before JSON.parse, so even unterminated nesting reads as too deep.
    expect(envelopeError('['.repeat(100_000)).code).toBe('too-deep');
  });

  it('never echoes more than a short excerpt, however large the body', () => {
    for (const body of ['y'.repeat(5_000_000), `{"Header":${'9'.repeat(1_000_000)}}`]) {
      const error = thrown(() => decodeResponse(body)) as TvsEnvelopeError;
      expect(new TextEncoder().encode(error.message).byteLength).toBeLessThan(1024);
    }
  });

  it('turns a throwing getter of a parsed value into a TvsEnvelopeError', () => {
    const body = {
      Header: { Code: 0, Message: '', RequestID: 'r' },
      get Payload() {
        throw new TypeError('boom');
      },
    };
    const error = envelopeError(body);
    expect(error.code).toBe('not-json');
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('decodeResponse: prototype pollution', () => {
  const hostile = [
    '{"Header":{"Code":0,"Message":"","RequestID":"r","__proto__":{"polluted":1}},',
    '"Payload":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},',
    '"List":[{"__proto__":{"polluted":1}}],"Keep":1}}',
  ].join('');

  it.each([
    ['a string', () => hostile],
    ['bytes', () => new TextEncoder().encode(hostile)],
    ['a parsed value', () => JSON.parse(hostile)],
  ])('drops __proto__ and constructor keys from %s', (_what, body) => {
    const { Header, Payload } = decodeResponse(body());
    expect(Payload).toEqual({ List: [{}], Keep: 1 });
    for (const object of [Header, Payload, (Payload.List as object[])[0]!]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(Object.hasOwn(object, '__proto__')).toBe(false);
      expect((object as { polluted?: unknown }).polluted).toBeUndefined();
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Payload.constructor).toBe(Object);
  });

  it('stays safe when the result is merged naively', () => {
    const { Payload } = decodeResponse(hostile);
    const merged = Object.assign({}, Payload);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
