declare const __TVS_CLIENT_VERSION__: string | undefined;

/** This package's version, as sent in the `X-TVS-SDK` and `User-Agent` headers. */
export const VERSION: string =
  typeof __TVS_CLIENT_VERSION__ === 'string' ? __TVS_CLIENT_VERSION__ : '0.0.0-dev';
