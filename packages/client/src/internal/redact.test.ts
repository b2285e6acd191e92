import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createRedactor, redactedCause, redactUrl } from './redact.js';

const TOKEN = 'tok-SECRET-redact';

describe('redaction', () => {
  it('redacts signatures in URLs', () => {
    expect(redactUrl('POST https://h/p?appkey=a&timestamp=1&signature=abc%2B%3D x')).toBe(
      'POST https://h/p?appkey=a&timestamp=1&signature=REDACTED x',
    );
    // A quote right after the value goes with it: a character of the line, never a piece of it.
    expect(redactUrl('"https://h/p?SIGNATURE=abc" x')).toBe('"https://h/p?SIGNATURE=REDACTED x');
  });

  it('redacts the access token wherever it appears', () => {
    const redact = createRedactor(TOKEN);
    expect(redact(`echo ${TOKEN} and ${TOKEN}`)).toBe('echo REDACTED and REDACTED');
    expect(createRedactor(undefined)('?signature=x')).toBe('?signature=REDACTED');
  });

  it('copies a cause chain with only safe fields, so util.inspect prints nothing secret', () => {
    const inner = Object.assign(new Error(`socket to http://h/?signature=s3cr3t ${TOKEN}`), {
      code: 'ECONNRESET',
      request: { url: 'http://h/?signature=s3cr3t' },
    });
    const outer = Object.assign(new TypeError('fetch failed', { cause: inner }), {
      request: new Request('http://h/?signature=s3cr3t'),
    });
    const copy = redactedCause(outer, createRedactor(TOKEN)) as Error & {
      cause: Error & { code: string };
    };
    expect(copy.name).toBe('TypeError');
    expect(copy.cause.code).toBe('ECONNRESET');
    const text = inspect(copy, { showHidden: true, depth: 10 }) + String(copy.stack);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('signature=REDACTED');
    expect(redactedCause('?signature=x', redactUrl)).toBe('?signature=REDACTED');
  });
});
