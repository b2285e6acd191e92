import type { Clock } from './clock.js';
import { type Credentials, createSigner } from './create-signer.js';
import type { QueryParams } from './query-entries.js';

/** Options for the one-shot {@link signUrl}. */
export interface SignUrlOptions {
  /** Clock in milliseconds (`Date.now`-compatible). */
  readonly now?: Clock;
  /** Extra query parameters to add and sign, e.g. `{ requestid: sessionId }`. */
  readonly params?: QueryParams;
}

/**
 * One-shot form of {@link Signer.signUrl}: signs `url` with `credentials`. Use
 * {@link createSigner} when signing more than once; it caches the key state.
 *
 * @example
 * ```ts
 * import { signUrl } from '@tvs/signer';
 * const url = signUrl('wss://gw.tvs.qq.com/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel',
 *   { appkey: 'my-appkey', accessToken: 'my-token' }, { params: { requestid: 'my-session-id' } });
 * ```
 */
export function signUrl(
  url: string | URL,
  credentials: Credentials,
  options: SignUrlOptions = {},
): string {
  // createSigner reads only `now` from the options.
  return createSigner(credentials, options).signUrl(url, options.params);
}
