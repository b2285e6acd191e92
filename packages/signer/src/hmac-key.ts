import { sha256 } from '@noble/hashes/sha2.js';
import { base64 } from './base64.js';
import { utf8 } from './utf8.js';
import { assertWellFormed } from './validate.js';

/** Base64 HMAC-SHA256 of a message under one key. @internal */
export type HmacKey = (message: string | Uint8Array) => string;

/**
 * HMAC-SHA256 (RFC 2104) on `@noble/hashes`' SHA-256, with the inner and outer pad blocks
 * absorbed once per key: each signature then costs the message's compressions plus one outer
 * compression (three for a normal query string). It restarts from the two saved states with the
 * hashers' public `clone()`; noble's `hmac` re-derives the pads on every call. Copying into
 * reused hashers would save about a microsecond per signature (CONTRIBUTING.md), but only through
 * noble's internal `_cloneInto`. The returned function holds only that derived state, never the
 * key text.
 *
 * @throws TypeError naming `name` when `key` is not well-formed Unicode.
 * @internal
 */
export function createHmacKey(key: string, name: string, where: string): HmacKey {
  assertWellFormed(key, name, where);
  const block = new Uint8Array(64);
  const keyBytes = new TextEncoder().encode(key);
  // RFC 2104 §2: a key longer than the block is hashed first.
  block.set(keyBytes.length > 64 ? sha256(keyBytes) : keyBytes);
  keyBytes.fill(0);
  const absorb = (pad: number) => sha256.create().update(block.map((byte) => byte ^ pad));
  const inner = absorb(0x36);
  const outer = absorb(0x5c);
  block.fill(0);
  const digest = new Uint8Array(32);
  const text = new Uint8Array(256);
  return (message) => {
    inner
      .clone()
      .update(typeof message === 'string' ? utf8(message, text) : message)
      .digestInto(digest);
    outer.clone().update(digest).digestInto(digest);
    return base64(digest);
  };
}
