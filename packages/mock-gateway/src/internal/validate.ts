import type { FieldType } from '@tvs/envelope';
import { CODES, Refusal } from '../errors.js';

/** The JSON type of a value, as the operation table names types. @internal */
export function jsonTypeOf(value: unknown): FieldType | 'null' | 'undefined' {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** An optional field of a given type; throws 100003 when present with another type. @internal */
export function optional<T extends FieldType>(
  payload: Record<string, unknown>,
  field: string,
  type: T,
  where = 'Payload',
):
  | (T extends 'string'
      ? string
      : T extends 'number'
        ? number
        : T extends 'boolean'
          ? boolean
          : T extends 'array'
            ? unknown[]
            : Record<string, unknown>)
  | undefined {
  const value = payload[field];
  if (value === undefined || value === null) return undefined;
  if (jsonTypeOf(value) !== type) {
    throw new Refusal(
      CODES.invalidParameter,
      'InvalidParameter.TypeMismatch',
      `${where}.${field} must be a ${type}, got ${jsonTypeOf(value)}`,
    );
  }
  // biome-ignore lint/suspicious/noExplicitAny: narrowed by the check above
  return value as any;
}

/** A numeric field within [min, max]; 100002 otherwise. @internal */
export function inRange(
  payload: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  where = 'Payload',
): number | undefined {
  const value = optional(payload, field, 'number', where);
  if (value !== undefined && !(value >= min && value <= max)) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.OutOfRange',
      `${where}.${field} must be between ${min} and ${max}, got ${value}`,
    );
  }
  return value;
}

/** A string field from a fixed set; 100002 otherwise. @internal */
export function oneOf<T extends string | number>(
  payload: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  where = 'Payload',
): T | undefined {
  const value = payload[field];
  if (value === undefined || value === null) return undefined;
  if (!allowed.includes(value as T)) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.NotSupported',
      `${where}.${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)?.slice(0, 60)}`,
    );
  }
  return value as T;
}

/** An http(s) URL shorter than `max` characters, when present; 100002 otherwise. @internal */
export function checkUrl(
  payload: Record<string, unknown>,
  field: string,
  max = 1000,
): string | undefined {
  const value = optional(payload, field, 'string');
  if (value === undefined || value === '') return undefined;
  let ok = value.length < max;
  try {
    ok &&= /^https?:$/.test(new URL(value).protocol);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.Url',
      `Payload.${field} must be an http(s) URL shorter than ${max} characters`,
    );
  }
  return value;
}
