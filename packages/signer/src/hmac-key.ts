import { base64 } from './base64.js';
import {
  compress,
  digestBytes,
  finish,
  finishWithDigest,
  initialState,
  sha256,
  wipeScratch,
} from './sha256.js';
import { utf8 } from './utf8.js';
import { assertWellFormed } from './validate.js';

/** Base64 HMAC-SHA256 of a message under one key. @internal */
export type HmacKey = (message: string | Uint8Array) => string;

/** The SHA-256 state after absorbing the key block XOR-ed with `pad`: one half of the HMAC key state. */
function padState(block: Uint8Array, pad: number): Int32Array {
  const padded = block.map((byte) => byte ^ pad);
  const state = initialState();
  compress(state, padded, 0);
  padded.fill(0);
  return state;
}

/**
 * HMAC-SHA256 (RFC 2104) with the inner and outer pad states absorbed once per key. Each
 * signature then costs the message's compressions plus one outer compression (three for a
 * normal query string) and, for messages up to 256 bytes, allocates nothing but its Base64 string. The returned function holds
 * only that derived state, never the key text.
 *
 * @throws TypeError naming `name` when `key` is not well-formed Unicode.
 * @internal
 */
export function createHmacKey(key: string, name: string, where: string): HmacKey {
  assertWellFormed(key, name, where);
  const block = new Uint8Array(64);
  const keyBytes = new TextEncoder().encode(key);
  // RFC 2104 §2: a key longer than the block is hashed first.
  if (keyBytes.length > 64) sha256(keyBytes, block);
  else block.set(keyBytes);
  keyBytes.fill(0);
  const inner = padState(block, 0x36);
  const outer = padState(block, 0x5c);
  block.fill(0);
  wipeScratch();

  const innerState = new Int32Array(8);
  const outerState = new Int32Array(8);
  const digest = new Uint8Array(32);
  const text = new Uint8Array(256);
  return (message) => {
    innerState.set(inner);
    finish(innerState, 64, typeof message === 'string' ? utf8(message, text) : message);
    outerState.set(outer);
    finishWithDigest(outerState, 64, innerState);
    digestBytes(outerState, digest);
    return base64(digest);
  };
}
