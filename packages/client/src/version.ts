declare const __TVS_CLIENT_VERSION__: string | undefined;

/**
 * This package's version, as sent in the `X-TVS-SDK` and `User-Agent` headers.
 *
 * @example
 * ```ts
 * import { VERSION } from '@tvs/client';
 * console.log(`@tvs/client ${VERSION}`);
 * ```
 */
export const VERSION: string =
  typeof __TVS_CLIENT_VERSION__ === 'string' ? __TVS_CLIENT_VERSION__ : '0.0.0-dev';
