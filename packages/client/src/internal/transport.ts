import { encodeRequest, newRequestId } from '@tvs/envelope';
import { createSigner } from '@tvs/signer';
import ky, { type KyInstance } from 'ky';
import type { ClientHooks, HookRequest } from '../hooks.js';
import { type AttemptLog, formatAttempt } from '../logger.js';
import type { ResolvedOptions } from '../options.js';
import type { ApiResponse, RequestOptions } from '../request-options.js';
import { type RetryPolicy, retryPolicy } from '../retry-policy.js';
import { createSkewClock, type SkewClock } from '../skew-clock.js';
import { VERSION } from '../version.js';
import type { AttemptOutcome } from './attempt-outcome.js';
import { type CallFacts, type Decision, decide } from './decide.js';
import { delay } from './delay.js';
import { finalError } from './final-error.js';
import { createRedactor } from './redact.js';
import { checkRequestOptions } from './request-options-check.js';
import { mergeHooks, runHooks } from './run-hooks.js';
import { type AttemptResult, sendAttempt } from './send-attempt.js';

/** Sends calls. @internal */
export interface Transport {
  /**
   * One call: encode, then attempts until `decide()` returns or fails. Resolves with the
   * decoded answer; rejects with the one error `finalError()` chose.
   */
  send(
    operation: string,
    idempotent: boolean,
    path: string,
    payload: object,
    options: RequestOptions | undefined,
  ): Promise<ApiResponse>;
  /** The skew-corrected clock, shared with the command channel's signing. */
  readonly clock: SkewClock;
}

/** What stays the same over a call's attempts. */
interface Call {
  readonly operation: string;
  readonly idempotent: boolean;
  readonly requestId: string;
  readonly url: string;
  readonly body: string;
  readonly signal: AbortSignal | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly timeout: number | false;
  readonly policy: RetryPolicy;
  readonly hooks: ClientHooks | undefined;
  /** When the call's `totalTimeout` ends (`performance.now()` time; `Infinity`: never). */
  readonly deadline: number;
}

const isBrowser = typeof (globalThis as { document?: unknown }).document !== 'undefined';

/** @internal */
export function createTransport(options: ResolvedOptions): Transport {
  const clock = createSkewClock(options.now);
  const signer = options.credentials && createSigner(options.credentials, { now: clock.now });
  const redact = createRedactor(options.credentials?.accessToken);

  const headers: Record<string, string> = {
    'content-type': 'application/json;charset=utf-8',
    accept: 'application/json',
    'x-tvs-sdk': `typescript/${VERSION}`,
  };
  // Browsers refuse to let a page set it.
  if (!isBrowser) {
    headers['user-agent'] =
      `tvs-sdk-typescript/${VERSION}${options.userAgent ? ` ${options.userAgent}` : ''}`;
  }
  // What never changes between calls; each attempt passes its body, timeout and, when set, its
  // signal, headers and hooks.
  const api: KyInstance = ky.create({
    method: 'post',
    headers,
    retry: 0,
    throwHttpErrors: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  /** Everything fixed for one call, from the client's options and the call's. */
  const prepare = (
    operation: string,
    idempotent: boolean,
    path: string,
    payload: object,
    callOptions: RequestOptions | undefined,
  ): Call => {
    const given = checkRequestOptions(callOptions, operation);
    const requestId = given.requestId ?? newRequestId();
    return {
      operation,
      idempotent,
      requestId,
      url: options.baseUrl + path,
      body: JSON.stringify(encodeRequest(payload, { requestId })),
      signal: given.signal,
      headers: given.headers,
      timeout: given.timeout ?? options.timeout,
      policy:
        given.retry === undefined
          ? options.retry
          : retryPolicy(given.retry, operation, options.retry),
      hooks: mergeHooks(options.hooks, given.hooks),
      deadline:
        options.totalTimeout === false
          ? Number.POSITIVE_INFINITY
          : performance.now() + options.totalTimeout,
    };
  };

  /** Signs and sends attempt number `attempt`, and reads its answer. */
  const attemptOnce = async (call: Call, attempt: number) => {
    const started = performance.now();
    const signedOffset = clock.offset;
    const url = signer ? signer.signUrl(call.url) : call.url;
    const seen = (requestHeaders: Headers): HookRequest => ({
      operation: call.operation,
      requestId: call.requestId,
      attempt,
      method: 'POST',
      url: redact(url),
      headers: requestHeaders,
    });
    const left = call.deadline - started;
    const own = call.timeout === false ? Number.POSITIVE_INFINITY : call.timeout;
    const byTotal = left < own;
    const beforeRequest = call.hooks?.beforeRequest;
    const result: AttemptResult = await sendAttempt(api, {
      url,
      body: call.body,
      signal: call.signal,
      headers: call.headers,
      timeoutMs: Math.min(own, left),
      limitedByTotal: byTotal,
      limitMs: (byTotal ? options.totalTimeout : call.timeout) || undefined,
      maxResponseBytes: options.maxResponseBytes,
      beforeRequest: beforeRequest && ((sent) => runHooks(beforeRequest, seen(sent), true)),
      learnClock: (response) => {
        const serverMs = Date.parse(response.headers.get('date') ?? '');
        return !!signer && !Number.isNaN(serverMs) && clock.observe(serverMs, signedOffset);
      },
    });
    return { ...result, started, url, seen: () => seen(new Headers(headers)) };
  };

  const log = (
    call: Call,
    attempt: number,
    started: number,
    url: string,
    outcome: AttemptOutcome,
    decision: Decision,
  ) => {
    const { logger } = options;
    if (!logger) return;
    const line: AttemptLog = {
      operation: call.operation,
      attempt,
      latencyMs: performance.now() - started,
      requestId: call.requestId,
      url: redact(url),
      outcome: decision.action === 'return' ? 'done' : decision.action,
      ...describeOutcome(outcome),
    };
    try {
      logger.debug(formatAttempt(line), line);
    } catch {
      // A broken logger must not break the call.
    }
  };

  return {
    clock,
    async send(operation, idempotent, path, payload, callOptions) {
      const call = prepare(operation, idempotent, path, payload, callOptions);
      const { hooks } = call;
      let retries = 0;
      let resigned = false;
      for (let attempt = 1; ; attempt++) {
        // Sign, send, read.
        const { outcome, response, started, url, seen } = await attemptOnce(call, attempt);
        // Decide.
        const facts: CallFacts = {
          operation,
          requestId: call.requestId,
          attempts: attempt,
          redact,
          idempotent,
          retries,
          policy: call.policy,
          resigned,
          remainingMs: call.deadline - performance.now(),
          totalTimeout: options.totalTimeout,
          random: Math.random,
        };
        let decision = decide(outcome, facts);
        log(call, attempt, started, url, outcome, decision);
        if (response && hooks?.afterResponse) {
          await runHooks(hooks.afterResponse, {
            ...seen(),
            status: response.status,
            response,
            code: codeOf(outcome),
            next: decision.action,
          });
        }
        // Return, wait, or fail.
        if (decision.action === 'return') {
          const { Header, Payload } = decision.decoded;
          return {
            payload: Payload,
            requestId: Header.RequestID,
            header: Header,
            response: response!,
          };
        }
        if (decision.action === 'resign') {
          resigned = true;
          continue;
        }
        if (decision.action === 'retry') {
          retries++;
          if (hooks?.beforeRetry) {
            const error = finalError(outcome, false, facts);
            await runHooks(hooks.beforeRetry, { ...seen(), error, delayMs: decision.delayMs });
          }
          if (await delay(decision.delayMs, call.signal)) continue;
          // Aborted while waiting: no attempt of this call is in flight.
          decision = decide(
            { kind: 'aborted', reason: call.signal?.reason, maybeSent: false },
            facts,
          );
        }
        const error = decision.action === 'fail' ? decision.error : undefined;
        if (hooks?.beforeError) await runHooks(hooks.beforeError, { ...seen(), error });
        throw error;
      }
    },
  };
}

function codeOf(outcome: AttemptOutcome): number | undefined {
  if (outcome.kind === 'success') return 0;
  return outcome.kind === 'api-error' ? outcome.error.code : undefined;
}

/** The log line's `status`, `code` and `error` for an outcome. */
function describeOutcome(outcome: AttemptOutcome): Pick<AttemptLog, 'status' | 'code' | 'error'> {
  switch (outcome.kind) {
    case 'success':
    case 'api-error':
      return { status: outcome.status, code: codeOf(outcome)! };
    case 'http-error':
      return { status: outcome.status };
    case 'bad-body':
    case 'too-large':
    case 'body-broken':
      return { status: outcome.status, error: 'body' };
    case 'timeout':
      return { error: 'timeout' };
    case 'network':
      return { error: outcome.sent ? 'network' : 'refused' };
    case 'aborted':
      return { error: 'aborted' };
  }
}
