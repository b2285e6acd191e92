import { API_CODES, describeErrorCode } from '@tvs/envelope';

/**
 * A refusal the gateway answers with an error envelope. `Message` is `Class:text`, the gateway's
 * style; the code must be a documented one of `@tvs/envelope`'s error tables (the one place
 * codes are defined).
 * @internal
 */
export class Refusal {
  readonly code: number;
  readonly message: string;
  readonly httpStatus: number;
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    code: number,
    errorClass: string,
    text?: string,
    init: { httpStatus?: number; headers?: Record<string, string> } = {},
  ) {
    const known = describeErrorCode(code);
    if (!known.documented)
      throw new Error(`mock gateway: code ${code} is not a documented API code`);
    this.code = code;
    this.message = `${errorClass}:${text ?? known.meaning}`;
    this.httpStatus = init.httpStatus ?? 200;
    this.headers = init.headers ?? {};
  }
}

/** The documented API codes the mock answers with, by situation. @internal */
export const CODES = {
  unauthorized: API_CODES.UNAUTHORIZED,
  missingParameter: API_CODES.INVALID_PARAMETER,
  badValue: API_CODES.INVALID_PARAMETER_VALUE,
  invalidParameter: API_CODES.INVALID_PARAMETER_FORMAT,
  overQuota: API_CODES.LIMIT_EXCEEDED,
  notFound: API_CODES.RESOURCE_NOT_FOUND,
  throttled: API_CODES.REQUEST_LIMIT_EXCEEDED,
  avatarNotFound: API_CODES.AVATAR_NOT_FOUND,
  recordNotFound: API_CODES.RECORD_NOT_FOUND,
  internal: API_CODES.INTERNAL_ERROR,
  noCompute: API_CODES.INSUFFICIENT_COMPUTE,
  contentReview: API_CODES.CONTENT_REJECTED,
} as const;

/** A method other than POST on an API path: 405 with `Allow: POST` (100003). @internal */
export function methodNotAllowed(method: string): Refusal {
  return new Refusal(
    CODES.invalidParameter,
    'InvalidParameter.Method',
    `${method.slice(0, 16)} is not allowed: every call is POST`,
    { httpStatus: 405, headers: { Allow: 'POST' } },
  );
}
