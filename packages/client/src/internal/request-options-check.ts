import { REQUEST_OPTION_NAMES, type RequestOptions } from '../request-options.js';
import { checkKnownKeys } from './known-keys.js';
import { checkHooks } from './run-hooks.js';
import { durationOption, objectOption } from './validate.js';

const KNOWN: readonly string[] = [...REQUEST_OPTION_NAMES, 'idempotent'];
const NONE: RequestOptions = {};

/**
 * A call's options, checked: unknown names throw with a suggestion, as in `createClient`, and
 * each value is checked before anything is sent. @internal
 */
export function checkRequestOptions(
  options: RequestOptions | undefined,
  where: string,
): RequestOptions {
  if (options === undefined) return NONE;
  objectOption(options, where);
  checkKnownKeys(options, KNOWN, where);
  const { signal, headers, timeout } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`${where}: signal must be an AbortSignal`);
  }
  if (headers !== undefined) {
    objectOption(headers, where, 'headers');
    for (const value of Object.values(headers)) {
      if (typeof value !== 'string')
        throw new TypeError(`${where}: headers values must be strings`);
    }
  }
  if (timeout !== undefined) durationOption(timeout, false, where, 'timeout');
  checkHooks(options.hooks, where);
  return options;
}
