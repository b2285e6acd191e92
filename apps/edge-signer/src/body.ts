import { refuse } from './errors.js';
import { readBounded } from './read-bounded.js';

/** A request body that passed every check: its exact bytes, forwarded unchanged. */
export type BodyCheck =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array<ArrayBuffer>;
      readonly value: Record<string, unknown>;
    }
  | { readonly ok: false; readonly response: Response };

/** `application/json`, optionally with `charset=utf-8` (any case, optionally quoted). */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    if (param === '') return true;
    const [name, value = ''] = param.split('=', 2).map((part) => part.trim());
    if (name !== 'charset') return false;
    return value.replace(/^"(.*)"$/, '$1') === 'utf-8';
  });
}

const tooLarge = (limit: number) =>
  refuse('payload-too-large', `The request body is larger than ${limit} bytes.`);

/**
 * Reads a JSON body of at most `limit` bytes: refused on the declared `Content-Length` before
 * reading, and again while streaming (the header may be absent or wrong), so no more than
 * `limit` bytes plus one chunk are ever held. The body must be UTF-8 JSON with an object at the
 * top, as every gateway call is; its bytes are returned unchanged.
 */
export async function readJsonBody(request: Request, limit: number): Promise<BodyCheck> {
  if (!isJsonContentType(request.headers.get('Content-Type'))) {
    return {
      ok: false,
      response: refuse(
        'unsupported-media-type',
        'Send Content-Type: application/json;charset=utf-8.',
      ),
    };
  }
  const declared = request.headers.get('Content-Length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    return { ok: false, response: tooLarge(limit) };
  }

  const read = await readBounded(request.body, limit);
  if (!read.ok) {
    if (read.reason === 'too-large') return { ok: false, response: tooLarge(limit) };
    return {
      ok: false,
      response: refuse('invalid-json', 'The request body could not be read; send it again.'),
    };
  }
  const { bytes } = read;

  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      response: refuse('invalid-json', 'The body must be a UTF-8 JSON object.'),
    };
  }
  return { ok: true, bytes, value: value as Record<string, unknown> };
}
