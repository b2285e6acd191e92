import {
  type DecodedResponse,
  decodeResponse,
  encodeRequest,
  type JsonObject,
  type ResponseHeader,
  TvsApiError,
  TvsEnvelopeError,
  TvsError,
} from '@tvs/envelope';
import { createSigner, type Signer } from '@tvs/signer';
import ky, {
  type AfterResponseState,
  type BeforeRetryState,
  isTimeoutError,
  type KyInstance,
} from 'ky';
import { withAttempts } from './errors/client-error.js';
import { TvsAmbiguousError } from './errors/tvs-ambiguous-error.js';
import { TvsHttpError } from './errors/tvs-http-error.js';
import { TvsNetworkError } from './errors/tvs-network-error.js';
import { TvsTimeoutError } from './errors/tvs-timeout-error.js';
import { type AttemptLog, formatAttempt } from './logger.js';
import type { ResolvedOptions } from './options.js';
import {
  backoff,
  describeNetworkError,
  parseRetryAfter,
  redactUrl,
  wasNotSent,
} from './retry-policy.js';
import { createSkewClock, type SkewClock } from './skew-clock.js';
import { VERSION } from './version.js';

/** Options of one call. */
export interface RequestOptions {
  /** Aborts the call (waits between retries included); it then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** The `Header.RequestID` to send (32 hex characters by default, generated). Kept across retries. */
  requestId?: string | undefined;
  /** Milliseconds this call's attempts may each take, overriding the client's `timeout`. */
  timeout?: number | false | undefined;
}

/** Options of {@link TvsClient.request}: {@link RequestOptions} plus what the client cannot know about a raw path. */
export interface RawRequestOptions extends RequestOptions {
  /**
   * Whether the call is safe to send twice. Defaults to what the operation table says about the
   * path, and to `false` for a path it does not know.
   */
  idempotent?: boolean | undefined;
}

/** What a call resolves with. */
export interface ApiResponse<P extends object = JsonObject> {
  /** The response `Payload`. */
  payload: P;
  /** The gateway's `RequestID` for the call. */
  requestId: string;
  /** The whole response `Header` (`Code` is 0), extra keys such as `SessionID` included. */
  header: ResponseHeader & { Code: 0 };
  /** The HTTP response, for its status and headers (its body has been read). */
  response: Response;
}

/** One call in flight, shared by the hooks through ky's `context`. */
interface CallState {
  readonly operation: string;
  readonly idempotent: boolean;
  readonly url: string;
  readonly body: string;
  readonly requestId: string;
  readonly signal: AbortSignal | undefined;
  readonly timeout: number | false;
  /** Attempts started (1 for the first). */
  attempts: number;
  /** Retries taken under the retry policy (the clock-skew re-sign is not one). */
  retries: number;
  skewRetried: boolean;
  /** The clock offset the current attempt was signed with. */
  signedOffset: number;
  attemptStart: number;
  /** The current attempt is sent and unanswered. */
  inFlight: boolean;
  /** Some attempt may have reached the gateway. */
  maybeSent: boolean;
  loggedAttempt: number;
  decoded: DecodedResponse | undefined;
}

/** @internal */
export interface Transport {
  send(
    operation: string,
    idempotent: boolean,
    path: string,
    payload: object,
    options: RequestOptions | undefined,
  ): Promise<ApiResponse>;
  readonly clock: SkewClock;
}

const isBrowser = typeof (globalThis as { document?: unknown }).document !== 'undefined';

async function readBody(response: Response, timeout: number | false): Promise<string> {
  if (timeout === false) return response.text();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      response.text(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          response.body?.cancel().catch(() => {});
          reject(new TvsTimeoutError(timeout, {}));
        }, timeout);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** @internal */
export function createTransport(options: ResolvedOptions): Transport {
  const { retry: policy, logger } = options;
  const clock = createSkewClock(options.now);
  const signer: Signer | undefined =
    options.credentials && createSigner(options.credentials, { now: clock.now });

  const headers: Record<string, string> = {
    'content-type': 'application/json;charset=utf-8',
    accept: 'application/json',
    'x-tvs-sdk': `typescript/${VERSION}`,
  };
  if (!isBrowser) {
    headers['user-agent'] =
      `tvs-sdk-typescript/${VERSION}${options.userAgent ? ` ${options.userAgent}` : ''}`;
  }

  const sign = (state: CallState): string => {
    state.signedOffset = clock.offset;
    state.attemptStart = performance.now();
    state.inFlight = true;
    return signer ? signer.signUrl(state.url) : state.url;
  };

  const log = (
    state: CallState,
    entry: Omit<AttemptLog, 'operation' | 'attempt' | 'latencyMs' | 'requestId' | 'url'>,
    url: string,
  ) => {
    if (!logger || state.loggedAttempt === state.attempts) return;
    state.loggedAttempt = state.attempts;
    const line: AttemptLog = {
      operation: state.operation,
      attempt: state.attempts,
      latencyMs: performance.now() - state.attemptStart,
      requestId: state.requestId,
      url: redactUrl(url),
      ...entry,
    };
    try {
      logger.debug(formatAttempt(line), line);
    } catch {
      // A broken logger must not break the call.
    }
  };

  /** The final error of a call, with `attempts` and the ambiguity rule applied. */
  const finalError = (state: CallState, error: unknown): unknown => {
    const init = { requestId: state.requestId, attempts: state.attempts };
    if (error instanceof TvsError) {
      // A 5xx for a call that is not idempotent: the gateway may have acted.
      if (
        error instanceof TvsHttpError &&
        !error.retryable &&
        error.status >= 500 &&
        !state.idempotent
      ) {
        return new TvsAmbiguousError(state.operation, 'http', `HTTP ${error.status}`, {
          ...init,
          httpStatus: error.status,
          cause: error,
        });
      }
      return withAttempts(error, state.attempts);
    }
    if (isTimeoutError(error)) {
      const timeout = new TvsTimeoutError(
        state.timeout === false ? undefined : state.timeout,
        init,
      );
      if (!state.idempotent && (state.inFlight || state.maybeSent)) {
        return new TvsAmbiguousError(state.operation, 'timeout', 'no answer in time', {
          ...init,
          cause: timeout,
        });
      }
      return timeout;
    }
    const raw = error instanceof Error && error.cause !== undefined ? error.cause : error;
    const sent = !wasNotSent(error);
    const network = new TvsNetworkError(describeNetworkError(raw), sent, { ...init, cause: raw });
    if (sent && !state.idempotent) {
      return new TvsAmbiguousError(state.operation, 'network', network.message, {
        ...init,
        cause: network,
      });
    }
    return network;
  };

  /** A retry the gateway asked for (throttling, 429, 503) or allowed (idempotent 5xx). */
  const retryOrFail = (state: CallState, response: Response, error: TvsError, url: string) => {
    const after = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    if (state.retries >= policy.limit || (after !== undefined && after > policy.maxRetryAfter)) {
      log(state, { status: response.status, ...codeOf(error), outcome: 'fail' }, url);
      throw finalError(state, error);
    }
    state.retries++;
    log(state, { status: response.status, ...codeOf(error), outcome: 'retry' }, url);
    return ky.retry({ delay: after ?? backoff(policy, state.retries), code: String(error.code) });
  };

  const afterResponse = async ({ request, response, options: kyOptions }: AfterResponseState) => {
    const state = kyOptions.context['state'] as CallState;
    const url = request.url;
    let text: string;
    try {
      text = await readBody(response, state.timeout);
    } catch (error) {
      // The body broke off: the gateway got the request and may have acted on it.
      state.inFlight = false;
      state.maybeSent = true;
      const failure = finalError(
        state,
        error instanceof TvsError
          ? error
          : new Error('the response body broke off', { cause: error }),
      );
      if (state.idempotent && state.retries < policy.limit && !state.signal?.aborted) {
        state.retries++;
        log(state, { status: response.status, error: 'body', outcome: 'retry' }, url);
        return ky.retry({ delay: backoff(policy, state.retries), code: 'BODY' });
      }
      log(state, { status: response.status, error: 'body', outcome: 'fail' }, url);
      throw failure;
    }
    state.inFlight = false;
    state.maybeSent = true;
    const status = response.status;
    let error: unknown;
    try {
      const decoded = decodeResponse(text, { httpStatus: status });
      if (response.ok) {
        state.decoded = decoded;
        log(state, { status, code: 0, outcome: 'done' }, url);
        return;
      }
      error = new TvsHttpError(status, text, { requestId: decoded.Header.RequestID });
    } catch (caught) {
      error = caught;
    }
    if (error instanceof TvsApiError) {
      if ((error.code === 100005 || error.category === 'auth') && signer && !state.skewRetried) {
        const serverMs = Date.parse(response.headers.get('date') ?? '');
        if (!Number.isNaN(serverMs) && clock.observe(serverMs, state.signedOffset)) {
          state.skewRetried = true;
          log(state, { status, code: error.code, outcome: 'resign' }, url);
          return ky.retry({ delay: 0, code: 'CLOCK_SKEW' });
        }
      }
      // `retryable` codes are the ones where the gateway did not act: any call may repeat.
      if (error.retryable) return retryOrFail(state, response, error, url);
    } else if (
      response.ok &&
      error instanceof TvsEnvelopeError &&
      (error.code === 'not-json' || error.code === 'empty') &&
      state.idempotent
    ) {
      // A cut-off body: the answer was lost on the way, and asking again is safe.
      return retryOrFail(state, response, error, url);
    } else if (!response.ok) {
      const httpError = error instanceof TvsHttpError ? error : new TvsHttpError(status, text, {});
      if (status === 429 || status === 503) return retryOrFail(state, response, httpError, url);
      if ((status >= 500 || status === 408) && state.idempotent) {
        return retryOrFail(state, response, httpError, url);
      }
      error = httpError;
    }
    log(state, { status, ...codeOf(error), outcome: 'fail' }, url);
    throw finalError(state, error);
  };

  const beforeRetry = ({ request, options: kyOptions }: BeforeRetryState) => {
    const state = kyOptions.context['state'] as CallState;
    state.attempts++;
    return new Request(sign(state), {
      method: 'POST',
      headers: request.headers,
      body: state.body,
      signal: request.signal,
    });
  };

  const shouldRetry = (state: CallState, error: Error): boolean => {
    const wasInFlight = state.inFlight;
    state.inFlight = false;
    if (state.signal?.aborted) return false;
    const timedOut = isTimeoutError(error);
    const notSent = !timedOut && wasNotSent(error);
    if (!notSent && wasInFlight) state.maybeSent = true;
    const retry = state.retries < policy.limit && (notSent || state.idempotent);
    const name = timedOut ? 'timeout' : notSent ? 'refused' : 'network';
    // Restore in-flight for the final error's ambiguity check when not retrying.
    if (!retry) {
      state.inFlight = wasInFlight;
      log(state, { error: name, outcome: 'fail' }, state.url);
      return false;
    }
    state.retries++;
    log(state, { error: name, outcome: 'retry' }, state.url);
    return true;
  };

  const api: KyInstance = ky.create({
    method: 'post',
    headers,
    throwHttpErrors: false,
    totalTimeout: options.totalTimeout,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      // One more than the policy allows: the clock-skew re-sign. The hooks count the rest.
      limit: policy.limit + 1,
      methods: ['post'],
      statusCodes: [],
      afterStatusCodes: [],
      retryOnTimeout: true,
      delay: (attempt) => Math.min(policy.maxDelay, policy.baseDelay * 2 ** (attempt - 1)),
      jitter: true,
      backoffLimit: policy.maxDelay,
    },
    hooks: { afterResponse: [afterResponse], beforeRetry: [beforeRetry] },
  });

  return {
    clock,
    async send(operation, idempotent, path, payload, requestOptions = {}) {
      const { signal } = requestOptions;
      signal?.throwIfAborted();
      const envelope = encodeRequest(payload, { requestId: requestOptions.requestId });
      const timeout =
        requestOptions.timeout === undefined ? options.timeout : requestOptions.timeout;
      const state: CallState = {
        operation,
        idempotent,
        url: options.baseUrl + path,
        body: JSON.stringify(envelope),
        requestId: envelope.Header.RequestID,
        signal,
        timeout,
        attempts: 1,
        retries: 0,
        skewRetried: false,
        signedOffset: 0,
        attemptStart: 0,
        inFlight: false,
        maybeSent: false,
        loggedAttempt: 0,
        decoded: undefined,
      };
      let response: Response;
      try {
        response = await api(sign(state), {
          body: state.body,
          timeout,
          ...(signal ? { signal } : {}),
          context: { state },
          retry: { shouldRetry: ({ error }) => shouldRetry(state, error) },
        });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (!(error instanceof TvsError)) {
          log(
            state,
            { error: isTimeoutError(error) ? 'timeout' : 'network', outcome: 'fail' },
            state.url,
          );
        }
        throw finalError(state, error);
      }
      response.body?.cancel().catch(() => {});
      const decoded = state.decoded!;
      return {
        payload: decoded.Payload,
        requestId: decoded.Header.RequestID,
        header: decoded.Header,
        response,
      };
    },
  };
}

function codeOf(error: unknown): { code?: number } {
  return error instanceof TvsApiError ? { code: error.code } : {};
}
