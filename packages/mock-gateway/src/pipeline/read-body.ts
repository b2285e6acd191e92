import { LIMITS, TvsEnvelopeError } from '@tvs/envelope';
import { decodeRequest } from '@tvs/envelope/server';
import { CODES, Refusal } from '../errors.js';

const MAX_BODY = LIMITS.REQUEST_BODY_BYTES;
/** Longest caller `RequestID` echoed; a longer one gets a fresh id. */
const MAX_REQUEST_ID = 128;

/**
 * A request body, read up to the gateway's 1 MiB limit: `'too-large'` as soon as it is over
 * (from `Content-Length`, or while reading), and the rest is never read. @internal
 */
export async function readLimited(request: Request): Promise<Uint8Array | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY) {
    await request.body?.cancel().catch(() => {});
    return 'too-large';
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY) {
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A request body as the gateway reads it: the RequestID to answer with, and the payload or why not. @internal */
export interface DecodedBody {
  /** The caller's `Header.RequestID` when usable, else undefined (the gateway makes one). */
  readonly requestId: string | undefined;
  readonly payload?: Record<string, unknown>;
  /** Why the body is not a request envelope (answered after the auth check). */
  readonly refusal?: Refusal;
}

const usableId = (id: unknown) =>
  typeof id === 'string' && id.length > 0 && id.length <= MAX_REQUEST_ID ? id : undefined;

/** The envelope errors that mean the body is not JSON at all. */
const PARSE_ERRORS: ReadonlySet<string> = new Set([
  'empty',
  'not-json',
  'too-deep',
  'not-utf8',
  'too-large',
]);

/**
 * Decodes a body once with `@tvs/envelope/server`'s `decodeRequest` (UTF-8, size, depth, the
 * envelope's shape). Only a body that is JSON but not a request envelope is read again, for
 * the `Header.RequestID` to echo in the refusal.
 * @internal
 */
export function decodeBody(bytes: Uint8Array): DecodedBody {
  try {
    const { Header, Payload } = decodeRequest(bytes);
    return { requestId: usableId(Header.RequestID), payload: Payload };
  } catch (error) {
    if (!(error instanceof TvsEnvelopeError)) throw error;
    const parse = PARSE_ERRORS.has(error.code);
    const refusal = new Refusal(
      CODES.missingParameter,
      parse ? 'InvalidParameter.JsonParseError' : 'InvalidParameter.InvalidEnvelope',
      error.message.slice(0, 300),
    );
    return { requestId: parse ? undefined : headerRequestId(bytes), refusal };
  }
}

/** `Header.RequestID` of a JSON body whose envelope was refused (its Payload, say). */
function headerRequestId(bytes: Uint8Array): string | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const header = (value as { Header?: unknown } | null)?.Header;
    return header && typeof header === 'object'
      ? usableId((header as { RequestID?: unknown }).RequestID)
      : undefined;
  } catch {
    return undefined;
  }
}
