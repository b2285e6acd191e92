import type { API_CODES } from '@tvs/envelope';
/** What a fault does. */
export type FaultKind =
  /** Waits `latencyMs` (real time) before handling the request; combines with the others. */
  | 'latency'
  /** Answers `Code: 100012` without acting, with a `Retry-After` header when `retryAfterSeconds` is set. */
  | 'throttle'
  /** Answers HTTP `status` (502 or 503) with an HTML body, as a load balancer in front of the gateway does. */
  | 'http-error'
  /** Drops the connection before the gateway acts: nothing happened. */
  | 'reset-before'
  /** Acts (the task exists), then drops the connection: the reply is lost. */
  | 'reset-after'
  /** Acts, then answers HTTP 200 with a body that is not valid JSON. */
  | 'malformed-json';

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
  /** For `throttle`: the HTTP status (default 200, as the gateway reports errors in the envelope). */
  readonly status?: number;
  /** For `http-error`: 502 (default) or 503. */
  readonly httpStatus?: 502 | 503;
  /** For `throttle`: the code, `API_CODES.REQUEST_LIMIT_EXCEEDED` (default) or `API_CODES.TOO_FREQUENT`. */
  readonly code?: typeof API_CODES.REQUEST_LIMIT_EXCEEDED | typeof API_CODES.TOO_FREQUENT;
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

const KINDS: ReadonlySet<string> = new Set([
  'latency',
  'throttle',
  'http-error',
  'reset-before',
  'reset-after',
  'malformed-json',
]);

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

/**
 * What the fetch handler rejects with when a fault drops the connection, as `fetch` rejects with
 * a `TypeError` on a network error. The Node adapter destroys the socket instead.
 */
export class SimulatedNetworkError extends TypeError {
  /** Whether the gateway had acted on the request before the connection dropped. */
  readonly afterProcessing: boolean;
  constructor(afterProcessing: boolean) {
    super(
      afterProcessing
        ? 'mock gateway: connection reset after the request was processed (fault reset-after)'
        : 'mock gateway: connection reset before the request was processed (fault reset-before)',
    );
    this.name = 'SimulatedNetworkError';
    this.afterProcessing = afterProcessing;
  }
}
