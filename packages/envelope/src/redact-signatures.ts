/**
 * Where a parameter's `name=` starts: after a query separator, the start of the text, or
 * anything that can come before a URL in a log line. Values are not matched here, so a pair
 * inside another pair's value (`…/=?signature=…`) is still found.
 */
const NAME = /([?&;=]|^|[\s"'(<])([^\s"'<>=&?#;]+)=/g;

/**
 * Where a value ends: the next `&`, `#` or white space, as a query parser reads it. A quote or
 * bracket after a quoted URL is redacted with it, which costs a character of the log line but
 * never leaves a piece of the signature behind.
 */
const VALUE_END = /[\s&#]/g;

/** Whether a query parameter's name, read as the gateway reads it, names a signature. */
function namesSignature(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    // A name with a broken escape is matched as written.
  }
  return decoded.toLowerCase().includes('signature');
}

/**
 * `text` with the value of every `signature` parameter replaced by `REDACTED`: in a URL, a query
 * string, or a log line or error message that quotes one. A signed query works against any
 * endpoint for five minutes (the signature covers only the query), so it must never reach a
 * log. Names are matched as the gateway reads them: any case, percent-escapes decoded
 * (`%73ignature`), and anything containing `signature` (`Signature`, `x-signature`).
 *
 * @example
 * ```ts
 * import { redactSignatures } from '@tvs/envelope';
 * redactSignatures('GET /v2/ivh/x?appkey=k&timestamp=1&signature=AbC%2B%3D failed');
 * // => 'GET /v2/ivh/x?appkey=k&timestamp=1&signature=REDACTED failed'
 * ```
 */
export function redactSignatures(text: string): string {
  let redacted = '';
  let kept = 0;
  for (const match of text.matchAll(NAME)) {
    const valueStart = match.index + match[0].length;
    if (match.index < kept || !namesSignature(match[2]!)) continue;
    VALUE_END.lastIndex = valueStart;
    const valueEnd = VALUE_END.exec(text)?.index ?? text.length;
    redacted += `${text.slice(kept, valueStart)}REDACTED`;
    kept = valueEnd;
  }
  return redacted + text.slice(kept);
}
