import { API_CODES } from '@tvs/envelope';

/** What a fault does. */
export type FaultKind =
  /** Waits `latencyMs` (real time) before handling the request; combines with the others. */
  | 'latency'
  /** Answers `Code: 100012` without acting, with a `Retry-After` header when `retryAfterSeconds` is set. */
  | 'throttle'
  /** Answers HTTP `httpStatus` (502 or 503) with an HTML body, as a load balancer in front of the gateway does. */
  | 'http-error'
  /**
   * Answers an error envelope with `Header.Code` = `code` (any API code; default
   * `API_CODES.INTERNAL_ERROR`) and HTTP `status` (default 200), after acting or not
   * (`afterProcessing`, default true: the task or session exists).
   */
  | 'api-error'
  /** Drops the connection before the gateway acts: nothing happened. */
  | 'reset-before'
  /** Acts (the task exists), then drops the connection: the reply is lost. */
  | 'reset-after'
  /** Acts, then answers HTTP 200 with a body that is not valid JSON. */
  | 'malformed-json'
  /**
   * Acts, sends the headers (`Content-Length` of the whole body) and part of the body, then
   * drops the connection.
   */
  | 'cut-body'
  /** Acts, then never answers (no headers) until the client gives up and closes the connection. */
  | 'stall'
  /** Acts, sends the headers and part of the body, then nothing more until the client gives up. */
  | 'stall-body';

/** One fault rule. */
export interface FaultRule {
  readonly kind: FaultKind;
  /**
   * Which requests it hits: a full path (`/v2/ivh/videomaker/broadcastservice/videomake`) or its
   * last segments (`broadcastservice/videomake`, `videomake`). Default: every request.
   */
  readonly path?: string;
  /** For `faults.next`: how many matching requests it hits (default 1). */
  readonly count?: number;
  /** For standing rules (the `faults` option, `faults.add`): chance per request, 0–1 (default 1). */
  readonly probability?: number;
  /** For `latency`: milliseconds to wait (default 200). */
  readonly latencyMs?: number;
  /** For `throttle`: adds `Retry-After: <seconds>`. */
  readonly retryAfterSeconds?: number;
  /**
   * For `throttle` and `api-error`: the HTTP status, 200–599 (default 200, as the gateway reports
   * errors in the envelope; 500 for an internal error answered as one).
   */
  readonly status?: number;
  /** For `http-error`: 502 (default) or 503. */
  readonly httpStatus?: 502 | 503;
  /**
   * The `Header.Code` answered. For `throttle`: `API_CODES.REQUEST_LIMIT_EXCEEDED` (default) or
   * `API_CODES.TOO_FREQUENT`. For `api-error`: any non-zero API code (default
   * `API_CODES.INTERNAL_ERROR`, −101000; `API_CODES.INSUFFICIENT_COMPUTE` is −101001).
   */
  readonly code?: number;
  /**
   * For `api-error`: whether the gateway acted before answering the error (default true: the
   * task or session exists, as after an internal error) or refused before acting (false).
   */
  readonly afterProcessing?: boolean;
}

/** The faults that hit one request, once chosen. @internal */
export interface ChosenFaults {
  latencyMs: number;
  /** The one non-latency fault, if any. */
  fault?: FaultRule;
}

/** Faults on demand and at random (seeded). */
export interface FaultControl {
  /** Queues a fault for the next `count` (default 1) requests matching `path`. */
  next(rule: FaultRule): void;
  /** Adds a standing rule that hits each matching request with `probability`. */
  add(rule: FaultRule): void;
  /** Removes queued and standing rules (the clock skew stays; set it to 0 to clear it). */
  clear(): void;
  /**
   * How far the gateway's clock is off, in ms: the `Date` header and the ±300 s signature window
   * use gateway time plus this. Assign to change it.
   */
  clockSkewMs: number;
}

const KINDS: ReadonlySet<string> = new Set<FaultKind>([
  'latency',
  'throttle',
  'http-error',
  'api-error',
  'reset-before',
  'reset-after',
  'malformed-json',
  'cut-body',
  'stall',
  'stall-body',
]);

const THROTTLE_CODES: readonly number[] = [
  API_CODES.REQUEST_LIMIT_EXCEEDED,
  API_CODES.TOO_FREQUENT,
];

function checkRule(rule: FaultRule, where: string): FaultRule {
  if (rule === null || typeof rule !== 'object' || !KINDS.has(rule.kind)) {
    throw new TypeError(`${where}: kind must be one of ${[...KINDS].join(', ')}`);
  }
  if (rule.path !== undefined && (typeof rule.path !== 'string' || rule.path === '')) {
    throw new TypeError(`${where}: path must be a non-empty string`);
  }
  if (rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count > 0)) {
    throw new TypeError(`${where}: count must be a positive integer`);
  }
  const p = rule.probability;
  if (p !== undefined && !(typeof p === 'number' && p >= 0 && p <= 1)) {
    throw new TypeError(`${where}: probability must be between 0 and 1`);
  }
  const { code, status, afterProcessing } = rule;
  if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status <= 599)) {
    throw new TypeError(`${where}: status must be an HTTP status from 200 to 599`);
  }
  if (rule.kind === 'throttle' && code !== undefined && !THROTTLE_CODES.includes(code)) {
    throw new TypeError(`${where}: a throttle's code is ${THROTTLE_CODES.join(' or ')}`);
  }
  if (code !== undefined && !(Number.isSafeInteger(code) && code !== 0)) {
    throw new TypeError(`${where}: code must be a non-zero integer`);
  }
  if (afterProcessing !== undefined && typeof afterProcessing !== 'boolean') {
    throw new TypeError(`${where}: afterProcessing must be a boolean`);
  }
  return { ...rule };
}

function matches(rule: FaultRule, path: string): boolean {
  if (rule.path === undefined) return true;
  const wanted = rule.path.replace(/^\/+|\/+$/g, '');
  const actual = path.replace(/^\/+|\/+$/g, '');
  return actual === wanted || actual.endsWith(`/${wanted}`);
}

/** @internal */
export interface FaultEngine extends FaultControl {
  choose(path: string): ChosenFaults;
}

/** @internal */
export function createFaults(
  standing: readonly FaultRule[] | undefined,
  clockSkewMs: number | undefined,
  random: () => number,
): FaultEngine {
  if (standing !== undefined && !Array.isArray(standing)) {
    throw new TypeError('createMockGateway: faults must be an array of rules');
  }
  if (clockSkewMs !== undefined && !Number.isFinite(clockSkewMs)) {
    throw new TypeError('createMockGateway: clockSkewMs must be a finite number');
  }
  const rules = (standing ?? []).map((rule) => checkRule(rule, 'createMockGateway faults'));
  let queued: Array<{ rule: FaultRule; left: number }> = [];
  return {
    clockSkewMs: clockSkewMs ?? 0,
    next(rule) {
      const checked = checkRule(rule, 'faults.next');
      queued.push({ rule: checked, left: checked.count ?? 1 });
    },
    add(rule) {
      rules.push(checkRule(rule, 'faults.add'));
    },
    clear() {
      queued = [];
      rules.length = 0;
    },
    choose(path) {
      const chosen: ChosenFaults = { latencyMs: 0 };
      const take = (rule: FaultRule) => {
        if (rule.kind === 'latency') chosen.latencyMs += rule.latencyMs ?? 200;
        else chosen.fault ??= rule;
      };
      for (const entry of queued) {
        if (entry.left > 0 && matches(entry.rule, path)) {
          if (entry.rule.kind !== 'latency' && chosen.fault) continue;
          entry.left -= 1;
          take(entry.rule);
        }
      }
      queued = queued.filter((entry) => entry.left > 0);
      for (const rule of rules) {
        // Roll for every matching rule so the sequence depends only on the seed and the calls.
        if (matches(rule, path) && random() < (rule.probability ?? 1)) take(rule);
      }
      return chosen;
    },
  };
}

/** The faults that drop or starve a connection. */
export type NetworkFaultKind = 'reset-before' | 'reset-after' | 'cut-body' | 'stall' | 'stall-body';

const NETWORK_FAULT_TEXT: Record<NetworkFaultKind, string> = {
  'reset-before': 'connection reset before the request was processed',
  'reset-after': 'connection reset after the request was processed',
  'cut-body': 'connection dropped in the middle of the response body',
  stall: 'no response: the gateway stalled',
  'stall-body': 'the response body stalled',
};

/**
 * What the fetch handler rejects with when a fault drops the connection (and what the body of a
 * `cut-body` response errors with), as `fetch` rejects with a `TypeError` on a network error.
 * The Node adapter drops the socket instead.
 *
 * @example
 * ```ts
 * import { SimulatedNetworkError } from '@tvs/mock-gateway';
 * gateway.faults.next({ kind: 'reset-after' });
 * const error = await gateway.fetch(signedUrl, init).catch((e) => e);
 * if (error instanceof SimulatedNetworkError) console.log(error.fault, error.afterProcessing);
 * ```
 */
export class SimulatedNetworkError extends TypeError {
  /** Whether the gateway had acted on the request before the connection dropped. */
  readonly afterProcessing: boolean;
  /** The fault that dropped it. */
  readonly fault: NetworkFaultKind;
  constructor(
    afterProcessing: boolean,
    fault: NetworkFaultKind = afterProcessing ? 'reset-after' : 'reset-before',
  ) {
    super(`mock gateway: ${NETWORK_FAULT_TEXT[fault]} (fault ${fault})`);
    this.name = 'SimulatedNetworkError';
    this.afterProcessing = afterProcessing;
    this.fault = fault;
  }
}
