// Required fields as each operation's page marks them (必选/必须): the pages are cited per operation
// in this folder, e.g. https://cloud.tencent.com/document/product/1240/81268 for videomake.
import type { JsonObject } from '../envelope-types.js';
import { envelopeError } from '../internal/envelope-error.js';
import { isRecord, jsonType } from '../internal/is-record.js';
import type { FieldType, Operation, ResponseOf } from './operation.js';

/** A required request field that is absent or of the wrong type. */
export interface FieldProblem {
  /** The field's name in the payload, or `Payload` when the payload itself is not an object. */
  field: string;
  expected: FieldType;
  /** What was there: `nothing`, `null`, `a string`, `an array`… */
  got: string;
}

function hasType(value: unknown, type: FieldType): boolean {
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isRecord(value);
  return typeof value === type;
}

/**
 * The required fields of `op` that `payload` lacks or mistypes; empty when the request is
 * acceptable. For servers and the mock gateway, which answer a problem with code 100001.
 *
 * @example
 * ```ts
 * import { operations, validateOperationRequest } from '@tvs/envelope';
 * validateOperationRequest(operations['video.progress'], { TaskId: 42 });
 * // => [{ field: 'TaskId', expected: 'string', got: 'a number' }]
 * ```
 */
export function validateOperationRequest(
  op: Operation<object, object>,
  payload: unknown,
): FieldProblem[] {
  if (!isRecord(payload)) return [{ field: 'Payload', expected: 'object', got: jsonType(payload) }];
  const problems: FieldProblem[] = [];
  for (const [field, expected] of Object.entries(op.required)) {
    const value = valueAt(payload, field);
    if (!hasType(value, expected)) problems.push({ field, expected, got: jsonType(value) });
  }
  return problems;
}

/** The value at a dotted path (`SpeechParam.Speed`), own keys only; `undefined` when absent. */
function valueAt(payload: Record<string, unknown>, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** Options of {@link decodeOperationResponse}. */
export interface DecodeOperationOptions {
  /** The call's `RequestID`, copied onto any error. */
  requestId?: string | undefined;
}

/**
 * Checks a response payload against what the SDK relies on for `op` and returns it typed.
 * Normalises the documented quirks in this one place: a relied-on string field sent as an
 * integer (the numeric `TaskId` of some examples) becomes a string, and a relied-on list that is
 * absent or `null` becomes `[]`. Returns a shallow copy; other fields are kept as they are.
 *
 * @throws TvsEnvelopeError `missing-field` or `wrong-type`, naming the field (`Payload.TaskId`).
 * @example
 * ```ts
 * import { decodeOperationResponse, decodeResponse, operations } from '@tvs/envelope';
 * const { Header, Payload } = decodeResponse(text);
 * const { TaskId } = decodeOperationResponse(operations['video.make'], Payload, {
 *   requestId: Header.RequestID,
 * });
 * ```
 */
export function decodeOperationResponse<O extends Operation<object, object>>(
  op: O,
  payload: unknown,
  options?: DecodeOperationOptions,
): ResponseOf<O> {
  const context = { what: `${op.name} response` };
  const fail = (code: 'missing-field' | 'wrong-type', path: string, message: string) =>
    envelopeError(context, code, message, { path, requestId: options?.requestId });
  if (!isRecord(payload))
    throw fail('wrong-type', 'Payload', `Payload must be an object, got ${jsonType(payload)}`);
  const out: JsonObject = { ...payload };
  for (const [field, expected] of Object.entries(op.returns)) {
    let value = Object.hasOwn(out, field) ? out[field] : undefined;
    if (expected === 'string' && typeof value === 'number' && Number.isSafeInteger(value)) {
      value = String(value);
    } else if (expected === 'array' && value == null) {
      value = [];
    }
    if (value == null) {
      throw fail(
        'missing-field',
        `Payload.${field}`,
        `lacks Payload.${field}, which the SDK relies on`,
      );
    }
    if (!hasType(value, expected)) {
      throw fail(
        'wrong-type',
        `Payload.${field}`,
        `Payload.${field} must be ${expected === 'array' || expected === 'object' ? 'an' : 'a'} ${expected}, got ${jsonType(value)}`,
      );
    }
    out[field] = value;
  }
  return out as ResponseOf<O>;
}
