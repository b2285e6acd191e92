import { TvsEnvelopeError } from '../errors/tvs-envelope-error.js';
import { MAX_BODY_BYTES, MAX_DEPTH } from '../limits.js';
import { clip } from './clip.js';
import { copyJson, tooDeep } from './copy-json.js';
import { type DecodeContext, envelopeError } from './envelope-error.js';
import { exceedsDepth } from './json-depth.js';

/** Binary bodies: an `ArrayBuffer` or any view of one. */
type Bytes = ArrayBufferView | ArrayBuffer;

/**
 * Reads a body into a fresh, sanitised JSON value (see `copyJson`): strings and bytes
 * (`ArrayBuffer` or any view) are parsed as UTF-8 JSON, anything else is taken as already parsed
 * and copied. Refuses bodies over {@link MAX_BODY_BYTES} and nesting over {@link MAX_DEPTH}
 * before parsing.
 *
 * @throws TvsEnvelopeError and nothing else.
 * @internal
 */
export function parseBody(body: unknown, context: DecodeContext): unknown {
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else if (
    ArrayBuffer.isView(body) ||
    Object.prototype.toString.call(body) === '[object ArrayBuffer]'
  ) {
    // Before decoding, so huge bytes are never copied.
    checkSize(context, (body as Bytes).byteLength);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body as Bytes);
    } catch (cause) {
      throw envelopeError(context, 'not-utf8', 'is not valid UTF-8', { cause });
    }
  } else if (body === undefined) {
    throw envelopeError(context, 'empty', 'is undefined');
  } else {
    try {
      return copyJson(body, context);
    } catch (cause) {
      if (cause instanceof TvsEnvelopeError) throw cause;
      // A getter or proxy trap of the caller's object threw.
      throw envelopeError(context, 'not-json', 'could not be read', { cause });
    }
  }

  checkSize(context, text.length);
  if (exceedsDepth(text, MAX_DEPTH)) throw tooDeep(context);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    if (!text.trim()) throw envelopeError(context, 'empty', 'is empty');
    const excerpt = JSON.stringify(clip(text, 60));
    throw envelopeError(context, 'not-json', `is not JSON; it starts ${excerpt}`, { cause });
  }
  return copyJson(parsed, context);
}

/** Refuses a body over {@link MAX_BODY_BYTES}; `size` in bytes or UTF-16 code units. */
function checkSize(context: DecodeContext, size: number): void {
  if (size > MAX_BODY_BYTES) {
    throw envelopeError(context, 'too-large', `is ${size} long, over the 16 MiB limit`);
  }
}
