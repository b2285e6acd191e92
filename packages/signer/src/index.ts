/**
 * `@tvs/signer`: canonical query, HMAC-SHA256 and Base64 for the Tencent Cloud TVS gateway, plus
 * verification for servers and callback receivers. Pure: no Node APIs, no globals beyond
 * `TextEncoder` and `URL`, so it runs unchanged in Node, Deno, Bun, Workers and browsers.
 * @packageDocumentation
 */
export {
  type CallbackVerifySuccess,
  type SignCallbackOptions,
  signCallbackUrl,
  verifyCallbackUrl,
} from './callback-url.js';
export { canonicalQuery } from './canonical-query.js';
export type { Clock } from './clock.js';
export {
  type Credentials,
  createSigner,
  type SignedParams,
  type Signer,
  type SignerOptions,
} from './create-signer.js';
export type { QueryParams, QueryValue } from './query-entries.js';
export { signString } from './sign-string.js';
export { type SignUrlOptions, signUrl } from './sign-url.js';
export type { VerifyFailure, VerifyFailureReason, VerifyOptions } from './verify-query.js';
export {
  type AccessTokenResolver,
  type VerifySuccess,
  verifySignedUrl,
} from './verify-signed-url.js';
