import { describe, expect, it } from 'vitest';
import { TvsApiError } from './tvs-api-error.js';
import { TvsEnvelopeError } from './tvs-envelope-error.js';
import { TvsError } from './tvs-error.js';

const utf8 = (text: string) => new TextEncoder().encode(text).byteLength;

describe('TvsError', () => {
  it('carries code, category, retryable, requestId, httpStatus and cause', () => {
    const cause = new Error('socket hang up');
    const error = new TvsError('it failed', {
      code: 'network',
      category: 'network',
      retryable: true,
      requestId: 'r1',
      httpStatus: 503,
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'TvsError',
      message: 'it failed',
      code: 'network',
      category: 'network',
      retryable: true,
      requestId: 'r1',
      httpStatus: 503,
    });
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('TvsError: it failed');
  });

  it('has no own cause when none is given', () => {
    const error = new TvsError('x', { code: 1, category: 'unknown', retryable: false });
    expect(Object.hasOwn(error, 'cause')).toBe(false);
  });

  it('serialises cleanly, leaving out what is unknown', () => {
    const error = new TvsError('x', { code: 7, category: 'internal', retryable: true });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'TvsError',
      message: 'x',
      code: 7,
      category: 'internal',
      retryable: true,
    });
  });

  it('keeps every message under 1 KB of UTF-8', () => {
    for (const text of ['a'.repeat(5000), '错'.repeat(5000), '😀'.repeat(5000)]) {
      const error = new TvsError(text, { code: 1, category: 'unknown', retryable: false });
      expect(utf8(error.message)).toBeLessThan(1024);
      expect(error.message.endsWith('…')).toBe(true);
      // Well-formed: a lone surrogate would not survive the UTF-8 round trip.
      expect(new TextDecoder().decode(new TextEncoder().encode(error.message))).toBe(error.message);
    }
  });

  it('can be extended by the transport, as the client will', () => {
    class TvsTimeoutError extends TvsError {
      override name = 'TvsTimeoutError';
    }
    const error = new TvsTimeoutError('timed out', {
      code: 'timeout',
      category: 'timeout',
      retryable: true,
    });
    expect(error).toBeInstanceOf(TvsError);
    expect(error.toJSON().name).toBe('TvsTimeoutError');
    expect(error.stack?.split('\n')[0]).toBe('TvsTimeoutError: timed out');
  });
});

describe('TvsApiError', () => {
  it('serialises with the gateway message, its class and the explanation', () => {
    const error = new TvsApiError({
      code: 100012,
      gatewayMessage: 'RequestLimitExceeded:请求过于频繁',
      requestId: 'r2',
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'TvsApiError',
      message: `gateway error 100012 (throttle): RequestLimitExceeded:请求过于频繁. ${error.explanation}`,
      code: 100012,
      category: 'throttle',
      retryable: true,
      requestId: 'r2',
      gatewayMessage: 'RequestLimitExceeded:请求过于频繁',
      errorClass: 'RequestLimitExceeded',
      safeToResend: true,
      mayLaterSucceed: true,
      explanation: 'Too many requests. Back off, then send again.',
    });
    expect(error).toMatchObject({
      documented: true,
      doc: 'https://cloud.tencent.com/document/product/1240/100406',
    });
  });

  it('says so when the gateway sent no message', () => {
    expect(new TvsApiError({ code: -101000, gatewayMessage: '' }).message).toContain(
      '(no message)',
    );
  });
});

describe('TvsEnvelopeError', () => {
  it('is a TvsError of category envelope, never retryable, with its path', () => {
    const error = new TvsEnvelopeError('x', { code: 'missing-field', path: 'Payload.TaskId' });
    expect(error).toBeInstanceOf(TvsError);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'TvsEnvelopeError',
      message: 'x',
      code: 'missing-field',
      category: 'envelope',
      retryable: false,
      path: 'Payload.TaskId',
    });
  });
});
