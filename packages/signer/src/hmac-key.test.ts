import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHmacKey } from './hmac-key.js';

const key = (text: string) => createHmacKey(text, 'key', 'test');
const nodeHmac = (secret: string, message: string | Uint8Array) =>
  createHmac('sha256', secret).update(message).digest('base64');

describe('createHmacKey', () => {
  // RFC 4231 §4.2, §4.3 and §4.5: the vectors whose keys are text (the others are raw bytes).
  it.each<[string, string | Uint8Array, string]>([
    [
      '\x0b'.repeat(20),
      'Hi There',
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    ],
    [
      'Jefe',
      'what do ya want for nothing?',
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
    [
      Array.from({ length: 25 }, (_, i) => String.fromCharCode(i + 1)).join(''),
      new Uint8Array(50).fill(0xcd),
      '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
    ],
  ])('matches RFC 4231 (%#)', (secret, message, expected) => {
    expect(key(secret)(message)).toBe(Buffer.from(expected, 'hex').toString('base64'));
  });

  it('agrees with node:crypto for any text key and message, short or long (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (secret, message) => {
          const signed = key(secret);
          expect(signed(message)).toBe(nodeHmac(secret, message));
          // The cached pad states are reused: a second message is as right as the first.
          expect(signed(`${message}!`)).toBe(nodeHmac(secret, `${message}!`));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hashes a key longer than one block first (RFC 2104 §2)', () => {
    for (const length of [63, 64, 65, 131, 1000]) {
      const secret = 'k'.repeat(length);
      expect(key(secret)('message')).toBe(nodeHmac(secret, 'message'));
    }
  });

  it('refuses a key with a lone surrogate, naming it and not quoting it', () => {
    expect(() => createHmacKey('secret\ud800', 'accessToken', 'where')).toThrow(
      new TypeError('where: accessToken is not well-formed Unicode (it holds a lone surrogate)'),
    );
  });
});
