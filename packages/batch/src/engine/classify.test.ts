import {
  API_CODES,
  TvsAmbiguousError,
  TvsApiError,
  TvsEnvelopeError,
  TvsHttpError,
  TvsNetworkError,
} from '@tvs/client';
import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';

const api = (code: number) => new TvsApiError({ code, gatewayMessage: 'x' });

describe('classify', () => {
  it('waits, however long, when the gateway refused before acting', () => {
    for (const code of [
      API_CODES.REQUEST_LIMIT_EXCEEDED,
      API_CODES.TOO_FREQUENT,
      API_CODES.LIMIT_EXCEEDED,
      API_CODES.INSUFFICIENT_COMPUTE,
    ]) {
      expect(classify(api(code), false)).toBe('busy');
      expect(classify(api(code), true)).toBe('busy');
    }
    expect(classify(new TvsHttpError(503, '<html>', {}), false)).toBe('busy');
    expect(classify(new TvsNetworkError('ECONNREFUSED', false, {}), false)).toBe('busy');
  });

  it('makes a create ambiguous whenever the gateway may have acted, and polls again', () => {
    expect(classify(api(API_CODES.INTERNAL_ERROR), false)).toBe('ambiguous');
    expect(classify(api(API_CODES.INTERNAL_ERROR), true)).toBe('transient');
    expect(
      classify(
        new TvsAmbiguousError('video.make', 'timeout', 'no answer', { requestId: 'r' }),
        false,
      ),
    ).toBe('ambiguous');
    const unreadable = new TvsEnvelopeError('cut short', { code: 'not-json' });
    expect(classify(unreadable, false)).toBe('ambiguous');
    expect(classify(unreadable, true)).toBe('transient');
    expect(classify(new Error('unknown'), false)).toBe('ambiguous');
  });

  it('fails for good on a refusal, and stops on refused credentials', () => {
    expect(classify(api(API_CODES.AVATAR_NOT_FOUND), false)).toBe('failed');
    expect(classify(new TvsHttpError(404, 'Not Found', {}), false)).toBe('failed');
    expect(classify(new TypeError('video.make: VirtualmanKey must be string'), false)).toBe(
      'failed',
    );
    expect(classify(api(API_CODES.UNAUTHORIZED), false)).toBe('fatal');
  });
});
