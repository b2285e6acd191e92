import { type ApiErrorCategory, describeErrorCode } from '@tvs/envelope';
import type { MediaBody } from '../media/results.js';

const JSON_TYPE = 'application/json;charset=utf-8';
const encoder = new TextEncoder();

/** The `Class` of a `Class:text` message for a code, by the error table's category. */
const CLASS_BY_CATEGORY: Readonly<Record<ApiErrorCategory, string>> = {
  auth: 'AuthFailure',
  validation: 'InvalidParameter',
  'not-found': 'ResourceNotFound',
  quota: 'LimitExceeded',
  throttle: 'RequestLimitExceeded',
  capacity: 'ResourceInsufficient',
  session: 'FailedOperation.Session',
  content: 'FailedOperation.ContentReview',
  conflict: 'FailedOperation.Duplicate',
  expired: 'ResourceUnavailable.Expired',
  internal: 'InternalError',
  unknown: 'InternalError',
};

/**
 * The gateway's `Class:text` message for any API code, from `@tvs/envelope`'s table: what an
 * injected `api-error` answers with. @internal
 */
export function messageForCode(code: number): string {
  const info = describeErrorCode(code);
  return `${CLASS_BY_CATEGORY[info.category]}:${info.meaning}`;
}

/** A response envelope: `{ Header: { Code, Message, RequestID }, Payload }`, as JSON text. @internal */
export function envelopeText(
  requestId: string,
  code: number,
  message: string,
  payload: Record<string, unknown>,
): string {
  return JSON.stringify({
    Header: { Code: code, Message: message, RequestID: requestId },
    Payload: payload,
  });
}

/** A response envelope as UTF-8 bytes. @internal */
export function envelopeBytes(
  requestId: string,
  code: number,
  message: string,
  payload: Record<string, unknown>,
): Uint8Array<ArrayBuffer> {
  return encoder.encode(envelopeText(requestId, code, message, payload));
}

/** What a response carries besides its body. @internal */
export interface ResponseInit {
  readonly status?: number;
  readonly type?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The one way the gateway builds responses: every one has the gateway clock's `Date` header
 * and a `Content-Length`, whether its body is whole bytes or a stream (a fault's).
 * @internal
 */
export function createResponses(wallClock: () => number) {
  function respond(
    body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | null,
    length: number,
    init: ResponseInit,
  ): Response {
    return new Response(body, {
      status: init.status ?? 200,
      headers: {
        Date: new Date(wallClock()).toUTCString(),
        'Content-Type': init.type ?? JSON_TYPE,
        'Content-Length': String(length),
        ...init.headers,
      },
    });
  }
  /** Whole bytes. */
  const bytes = (body: Uint8Array<ArrayBuffer>, init: ResponseInit = {}): Response =>
    respond(body, body.byteLength, init);
  return {
    bytes,
    /** A stream that claims `length` bytes (it may deliver fewer: see fault-bodies.ts). */
    stream: (body: ReadableStream<Uint8Array>, length: number, init: ResponseInit = {}) =>
      respond(body, length, init),
    /** An envelope. */
    envelope: (
      requestId: string,
      code: number,
      message: string,
      payload: Record<string, unknown>,
      init: Omit<ResponseInit, 'type'> = {},
    ): Response => bytes(envelopeBytes(requestId, code, message, payload), init),
    /** Plain text (or HTML, with its type). */
    text: (status: number, text: string, type = 'text/plain'): Response =>
      bytes(encoder.encode(text), { status, type }),
    /** A media file; a `HEAD` gets the headers alone. */
    media(method: string, media: MediaBody): Response {
      const body = (
        typeof media.body === 'string' ? encoder.encode(media.body) : media.body
      ) as Uint8Array<ArrayBuffer>;
      return respond(method === 'HEAD' ? null : body, body.byteLength, {
        type: media.type,
        headers: {
          'Cache-Control': 'private, max-age=604800',
          // Public and unsigned, like the storage URLs the gateway hands out: a web page may read
          // them (a player's subtitles, say) from any origin.
          'Access-Control-Allow-Origin': '*',
        },
      });
    },
  };
}

/** @internal */
export type Responses = ReturnType<typeof createResponses>;
