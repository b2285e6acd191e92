import type { Catalogue } from './catalogue.js';
import type { Now } from './clock.js';
import type { FaultRule } from './faults.js';
import { numberOption } from './internal/check-option.js';
import type { MockSessionOptions } from './sessions/types.js';

/** An account the gateway accepts. */
export interface MockCredentials {
  readonly appkey: string;
  readonly accessToken: string;
}

/** Options of `createMockGateway`. */
export interface MockGatewayOptions {
  /** The accounts the gateway accepts (at least one). */
  readonly credentials: readonly MockCredentials[];
  /**
   * The gateway's base clock (`Date.now`-compatible). When given, time only moves when this
   * clock does or through `gateway.clock.advance(ms)`, and tasks end when a request or
   * `advance` observes it: fully deterministic. Default: `Date.now`, tasks end on timers.
   */
  readonly now?: Now;
  /** Rendering speed multiplier (default 1: a short text takes a few seconds). */
  readonly renderSpeed?: number;
  /** Tasks rendering at once per appkey and lane (default 2); PPT videos always render one at a time. */
  readonly concurrency?: number;
  /** Standing fault rules, each hitting a request with its `probability` (see `FaultRule`). */
  readonly faults?: readonly FaultRule[];
  /** Seed of the PRNG behind probabilistic faults and task ids: same seed, same run. */
  readonly seed?: number;
  /** How far the gateway's clock is off, ms (changeable later through `faults.clockSkewMs`). */
  readonly clockSkewMs?: number;
  /**
   * Words that fail the content review, case-insensitive: a text containing one is refused
   * with the API code 801005 (no task is made). Default `['blockedword', '违禁词']`.
   */
  readonly blockedWords?: readonly string[];
  /** Send `TaskId`s as JSON numbers, as some of the gateway's examples do (default: strings). */
  readonly numericTaskIds?: boolean;
  /** Delivers task callbacks (default `globalThis.fetch`). */
  readonly callbackFetch?: (request: Request) => Promise<Response>;
  /** The catalogue of avatars, timbres and anchors (default: the built-in one). */
  readonly catalogue?: Catalogue;
  /** Most calls kept in `calls` (default 5000; the oldest go first). */
  readonly maxCalls?: number;
  /** Interactive sessions: quota, preparation time, idle timeouts, speech speed, pacing. */
  readonly sessions?: MockSessionOptions;
}

/** Every default of the gateway's own options, in one place (sessions: `sessionSettings`). @internal */
export const DEFAULTS = {
  renderSpeed: 1,
  concurrency: 2,
  maxCalls: 5000,
  blockedWords: ['blockedword', '违禁词'] as readonly string[],
  numericTaskIds: false,
} as const;

/** The options, checked, with their defaults. @internal */
export function resolveOptions(options: MockGatewayOptions) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('createMockGateway: options are required');
  }
  const { credentials } = options;
  if (!Array.isArray(credentials) || credentials.length === 0) {
    throw new TypeError('createMockGateway: credentials must be a non-empty array');
  }
  for (const entry of credentials) {
    if (
      !entry ||
      typeof entry.appkey !== 'string' ||
      !entry.appkey ||
      typeof entry.accessToken !== 'string' ||
      !entry.accessToken
    ) {
      throw new TypeError(
        'createMockGateway: each credential needs a non-empty appkey and accessToken',
      );
    }
  }
  return {
    tokens: new Map(credentials.map((c) => [c.appkey, c.accessToken])),
    renderSpeed: numberOption(options.renderSpeed, 'renderSpeed', DEFAULTS.renderSpeed),
    concurrency: numberOption(options.concurrency, 'concurrency', DEFAULTS.concurrency, {
      integer: true,
    }),
    maxCalls: numberOption(options.maxCalls, 'maxCalls', DEFAULTS.maxCalls, {
      integer: true,
      allowZero: true,
    }),
    blockedWords: options.blockedWords ?? DEFAULTS.blockedWords,
    numericTaskIds: options.numericTaskIds ?? DEFAULTS.numericTaskIds,
    callbackFetch: options.callbackFetch ?? ((request: Request) => globalThis.fetch(request)),
  };
}
