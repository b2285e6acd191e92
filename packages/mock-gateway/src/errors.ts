import { errorTable } from '@tvs/envelope';

/**
 * A refusal the gateway answers with an error envelope. `Message` is `Class:text`, the gateway's
 * style; the code must be one of `@tvs/envelope`'s error table (the one place codes are defined).
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
    const known = errorTable[code];
    if (!known) throw new Error(`mock gateway: code ${code} is not in the error table`);
    this.code = code;
    this.message = `${errorClass}:${text ?? known.explanation}`;
    this.httpStatus = init.httpStatus ?? 200;
    this.headers = init.headers ?? {};
  }
}

/** Codes the mock answers with, by situation. @internal */
export const CODES = {
  unauthorized: 100005,
  missingParameter: 100001,
  badValue: 100002,
  invalidParameter: 100003,
  overQuota: 100008,
  notFound: 100009,
  throttled: 100012,
  avatarNotFound: 100016,
  recordNotFound: 110006,
  internal: -101000,
  contentReview: 801005,
} as const;
