import { describe, expect, it, vi } from 'vitest';
import { isRequestId, newRequestId } from './request-id.js';

describe('newRequestId', () => {
  it('gives 32 lowercase hex characters', () => {
    for (let i = 0; i < 100; i++) expect(newRequestId()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives a different id each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRequestId));
    expect(ids.size).toBe(1000);
  });

  it('draws from crypto.getRandomValues, zero-padding each byte', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
      (array as Uint8Array).set([0, 1, 15, 16, 255, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 171]);
      return array;
    });
    try {
      expect(newRequestId()).toBe('00010f10ff0a000000000000000000ab');
      expect(spy).toHaveBeenCalledOnce();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('isRequestId', () => {
  // "32位的 UUID(不包含‘-’)" (1240/100397) names no case: an uppercase UUID qualifies.
  it.each([
    ['9f1c2e7a0b3d4c5e8f60718293a4b5c6', true],
    ['9F1C2E7A0B3D4C5E8F60718293A4B5C6', true],
    ['9F1C2E7A0B3D4C5E8F60718293A4B5CG', false],
    ['9f1c2e7a-0b3d-4c5e-8f60-718293a4b5c6', false],
    ['9f1c2e7a0b3d4c5e8f60718293a4b5c', false],
    ['9f1c2e7a0b3d4c5e8f60718293a4b5c6\n', false],
    [42, false],
  ])('%j → %s', (value, expected) => {
    expect(isRequestId(value)).toBe(expected);
  });
});
