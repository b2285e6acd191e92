import { describe, expect, it } from 'vitest';
import { signCallbackUrl, verifyCallbackUrl } from './callback-url.js';
import { signString } from './sign-string.js';

const T = 1_717_639_699;
const at = (seconds: number) => () => seconds * 1000;

describe('live-room callbacks', () => {
  it('signs only reqid and timestamp, keeping the receiver own parameters', () => {
    const url = new URL(
      signCallbackUrl('https://example.com/cb?room=7&reqid=old', 'sign-key', {
        reqid: 'r1',
        now: at(T),
      }),
    );
    expect(url.searchParams.get('room')).toBe('7');
    expect(url.searchParams.getAll('reqid')).toEqual(['r1']);
    expect(url.searchParams.get('signature')).toBe(
      signString(`reqid=r1&timestamp=${T}`, 'sign-key'),
    );
    expect(verifyCallbackUrl(url, 'sign-key', { now: at(T) })).toEqual({
      ok: true,
      reqid: 'r1',
      timestamp: T,
    });
  });

  it('refuses a wrong key, a stale timestamp, a missing reqid and a tampered reqid', () => {
    const url = new URL(
      signCallbackUrl('https://example.com/cb', 'sign-key', { reqid: 'r1', now: at(T) }),
    );
    expect(verifyCallbackUrl(url, 'other-key', { now: at(T) })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyCallbackUrl(url, 'sign-key', { now: at(T + 301) })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    const tampered = new URL(url);
    tampered.searchParams.set('reqid', 'r2');
    expect(verifyCallbackUrl(tampered, 'sign-key', { now: at(T) })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    tampered.searchParams.delete('reqid');
    expect(verifyCallbackUrl(tampered, 'sign-key', { now: at(T) })).toEqual({
      ok: false,
      reason: 'missing-parameter',
      parameter: 'reqid',
    });
  });

  it('refuses an empty sign key or reqid with a TypeError', () => {
    expect(() => verifyCallbackUrl('/cb', '')).toThrow(/signKey must be a non-empty string/);
    expect(() => signCallbackUrl('https://e/cb', 'k', { reqid: '' })).toThrow(
      /reqid must be a non-empty string/,
    );
  });
});
