import { API_CODES } from '../codes/api-codes.js';
import { isRecord } from '../internal/is-record.js';
import { validateOperationRequest } from '../operations/check-fields.js';
import type { Operation } from '../operations/operation.js';

/** How a gateway refuses a request: the `Header.Code`, and a `Message` of `Class:text`. */
export interface RequestRefusal {
  /** {@link API_CODES}`.INVALID_PARAMETER` (100001): missing, or of the wrong type. */
  code: number;
  /** The message's class, such as `InvalidParameter.MissingParameter`. */
  errorClass: string;
  /** What was wrong, naming the field (`Payload.TaskId is required (string)`). */
  text: string;
  /** `errorClass:text`, the gateway's `Message` style. */
  message: string;
}

/**
 * Checks a request payload as a gateway does (server-side validation) and returns the
 * documented refusal for its first problem, or `undefined` when the required fields are all
 * there. Accepts what Tencent's own examples send: an
 * integer `TaskId` (the older progress and confirm examples send one) passes.
 *
 * @example
 * ```ts
 * import { operations } from '@tvs/envelope';
 * import { refuseRequest } from '@tvs/envelope/server';
 * const refusal = refuseRequest(operations['video.progress'], {});
 * // => { code: 100001, errorClass: 'InvalidParameter.MissingParameter', text: 'Payload.TaskId is required (string)', … }
 * ```
 */
export function refuseRequest(
  op: Operation<object, object>,
  payload: unknown,
): RequestRefusal | undefined {
  const [problem] = validateOperationRequest(op, acceptIntegerIds(op, payload));
  if (!problem) return undefined;
  const missing = problem.got === 'nothing' || problem.got === 'null';
  const article = problem.expected === 'array' || problem.expected === 'object' ? 'an' : 'a';
  const errorClass = missing
    ? 'InvalidParameter.MissingParameter'
    : 'InvalidParameter.TypeMismatch';
  const text = missing
    ? `Payload.${problem.field} is required (${problem.expected})`
    : `Payload.${problem.field} must be ${article} ${problem.expected}, got ${problem.got}`;
  return { code: API_CODES.INVALID_PARAMETER, errorClass, text, message: `${errorClass}:${text}` };
}

/** The payload with an integer `TaskId` read as a string, when the operation needs a `TaskId`. */
function acceptIntegerIds(op: Operation<object, object>, payload: unknown): unknown {
  if (!isRecord(payload) || op.required['TaskId'] !== 'string') return payload;
  const taskId = payload['TaskId'];
  return Number.isSafeInteger(taskId) ? { ...payload, TaskId: String(taskId) } : payload;
}
