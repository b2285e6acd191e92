import {
  API_CODES,
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
import ky, { type BeforeRetryState, isTimeoutError, type KyInstance, type Options } from 'ky';
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
  /** The current attempt's signed URL. */
  signedUrl: string;
  /** The clock offset the current attempt was signed with. */
  signedOffset: number;
  attemptStart: number;
  /** The current attempt is sent and unanswered. */
  inFlight: boolean;
  /** The current attempt's headers arrived and its body is being read. */
  reading: boolean;
  /** The response was judged and the call failed with the error thrown: no retry. */
  settled: boolean;
  /** The wait before the retry that the last decision asked for. */
  nextDelay: number;
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

/**
 * Thrown from the transport's `fetch` when the response asks for another attempt; the call's
 * `shouldRetry` turns it into ky's retry after `delay` milliseconds.
 */
class RetryRequest extends Error {
  constructor(readonly delay: number) {
    super('retry');
  }
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
let randomPool = new Uint8Array(0);
let randomAt = 0;

/**
 * A new `RequestID` in `newRequestId`'s format (32 lowercase hex, 128 random bits from
 * `crypto.getRandomValues`), drawing the bytes 4 KiB at a time: one `getRandomValues` per call
 * cost more than the rest of the envelope.
 */
function newId(): string {
  if (randomAt + 16 > randomPool.length) {
    randomPool = crypto.getRandomValues(new Uint8Array(4096));
    randomAt = 0;
  }
  let id = '';
  for (const end = randomAt + 16; randomAt < end; randomAt++) id += HEX[randomPool[randomAt]!];
  return id;
}

/** Options of one ky call: ky forwards `tvsCall`, an option it does not know, to `fetch`. */
interface CallOptions {
  readonly tvsCall: CallState;
}

const RETRY_METHODS = ['post'];

/** @internal */
export function createTransport(options: ResolvedOptions): Transport {
  const { retry: policy, logger } = options;
  const clock = createSkewClock(options.now);
  const customFetch = options.fetch;
  const signer: Signer | undefined =
    options.credentials && createSigner(options.credentials, { now: clock.now });

  /** Sent with every attempt (ky's own request does not carry them; see `attempt`). */
  const headers: Record<string, string> = {
    'content-type': 'application/json;charset=utf-8',
    accept: 'application/json',
    'x-tvs-sdk': `typescript/${VERSION}`,
  };
  if (!isBrowser) {
    headers['user-agent'] =
      `tvs-sdk-typescript/${VERSION}${options.userAgent ? ` ${options.userAgent}` : ''}`;
  }

  /**
   * For each URL without a query of its own: what `signer.signUrl` puts before the timestamp's
   * digits (the normalised URL, `?appkey=…&timestamp=`), taken from its own output once.
   */
  const signedPrefixes = new Map<string, string>();
  const signUrl = (url: string): string => {
    if (!signer) return url;
    const prefix = signedPrefixes.get(url);
    if (prefix !== undefined) {
      // Just `appkey` and `timestamp`: the signer's fast path, no URL parsing or sorting.
      // A Base64 signature only needs `+`, `/` and `=` encoded, as `encodeURIComponent` does.
      const { timestamp, signature } = signer.sign();
      return `${prefix}${timestamp}&signature=${encodeURIComponent(signature)}`;
    }
    const signed = signer.signUrl(url);
    const at = signed.indexOf('&timestamp=');
    if (!url.includes('?') && !url.includes('#') && at > 0 && signed.indexOf('?') < at) {
      if (signedPrefixes.size >= 1000) signedPrefixes.clear();
      signedPrefixes.set(url, signed.slice(0, at + '&timestamp='.length));
    }
    return signed;
  };

  const sign = (state: CallState): string => {
    state.signedOffset = clock.offset;
    state.attemptStart = performance.now();
    state.inFlight = true;
    state.reading = false;
    state.signedUrl = signUrl(state.url);
    return state.signedUrl;
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
      // Headers already arrived when a body stalls (`reading`): the gateway certainly got the
      // call, so a call that is not safe to repeat is as ambiguous as one that never answered.
      if (!state.idempotent && (state.reading || state.inFlight || state.maybeSent)) {
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

  /** The call fails with `error`: no retry, whatever ky's `shouldRetry` is asked later. */
  const fail = (state: CallState, error: unknown): never => {
    state.settled = true;
    throw finalError(state, error);
  };

  /** A retry the gateway asked for (throttling, 429, 503) or allowed (idempotent 5xx). */
  const retryOrFail = (state: CallState, response: Response, error: TvsError, url: string) => {
    const after = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    if (state.retries >= policy.limit || (after !== undefined && after > policy.maxRetryAfter)) {
      log(state, { status: response.status, ...codeOf(error), outcome: 'fail' }, url);
      return fail(state, error);
    }
    state.retries++;
    log(state, { status: response.status, ...codeOf(error), outcome: 'retry' }, url);
    throw new RetryRequest(after ?? backoff(policy, state.retries));
  };

  /**
   * One attempt: ky's `fetch`. Sends the signed request, reads the body once and judges it, so
   * ky never clones the response (it clones it for every `afterResponse` hook) nor a body (ky's
   * request carries only the signed URL, method and signal: the headers and body are added here,
   * which keeps the copy ky makes of it before each attempt, for retries, cheap). Resolves with
   * the response of a success (`state.decoded` set); throws a {@link RetryRequest} for another
   * attempt, or the call's final error.
   */
  const attempt = async (request: Request, kyInit: CallOptions): Promise<Response> => {
    const state = kyInit.tvsCall;
    // What `request.url` says, without serialising the URL again.
    const url = state.signedUrl;
    const init: RequestInit = {
      method: 'POST',
      headers,
      body: state.body,
      signal: request.signal,
    };
    // A caller's `fetch` gets a whole `Request`, as it would from ky; the global one gets the
    // URL and init, which saves copying a `Request` into another.
    const response = await (customFetch
      ? customFetch(new Request(url, init))
      : globalThis.fetch(url, init));
    state.reading = true;
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // ky's timeout (or total timeout) fired while reading: ky has already moved on with a
      // TimeoutError, which `shouldRetry` handles as a body timeout.
      if (request.signal.aborted && !state.signal?.aborted) throw error;
      // The body broke off: the gateway got the request and may have acted on it.
      state.reading = false;
      state.inFlight = false;
      state.maybeSent = true;
      const cause = new Error('the response body broke off', { cause: error });
      if (state.idempotent && state.retries < policy.limit && !state.signal?.aborted) {
        state.retries++;
        log(state, { status: response.status, error: 'body', outcome: 'retry' }, url);
        throw new RetryRequest(backoff(policy, state.retries));
      }
      log(state, { status: response.status, error: 'body', outcome: 'fail' }, url);
      return fail(state, cause);
    }
    // The same race, lost by a hair: the body arrived as ky gave up on the attempt.
    if (request.signal.aborted && !state.signal?.aborted) throw new Error('attempt timed out');
    state.reading = false;
    state.inFlight = false;
    state.maybeSent = true;
    const status = response.status;
    let error: unknown;
    try {
      const decoded = decodeResponse(text, { httpStatus: status });
      if (response.ok) {
        state.decoded = decoded;
        log(state, { status, code: 0, outcome: 'done' }, url);
        return response;
      }
      error = new TvsHttpError(status, text, { requestId: decoded.Header.RequestID });
    } catch (caught) {
      error = caught;
    }
    if (error instanceof TvsApiError) {
      if (
        (error.code === API_CODES.UNAUTHORIZED || error.category === 'auth') &&
        signer &&
        !state.skewRetried
      ) {
        const serverMs = Date.parse(response.headers.get('date') ?? '');
        if (!Number.isNaN(serverMs) && clock.observe(serverMs, state.signedOffset)) {
          state.skewRetried = true;
          log(state, { status, code: error.code, outcome: 'resign' }, url);
          throw new RetryRequest(0);
        }
      }
      // A refusal before acting (throttling, no compute…) may be repeated for any call; an
      // internal error after which the gateway may have acted, only for an idempotent one.
      if (error.safeToResend || (error.mayLaterSucceed && state.idempotent)) {
        return retryOrFail(state, response, error, url);
      }
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
    return fail(state, error);
  };

  const beforeRetry = ({ request, options: kyOptions }: BeforeRetryState) => {
    const state = (kyOptions as unknown as CallOptions).tvsCall;
    state.attempts++;
    return new Request(sign(state), { method: 'POST', signal: request.signal });
  };

  const shouldRetry = (state: CallState, error: Error): boolean => {
    if (error instanceof RetryRequest) {
      state.nextDelay = error.delay;
      return true;
    }
    if (state.settled) return false;
    const wasInFlight = state.inFlight;
    state.inFlight = false;
    if (state.signal?.aborted) return false;
    const timedOut = isTimeoutError(error);
    const notSent = !timedOut && wasNotSent(error);
    if (!notSent && wasInFlight) state.maybeSent = true;
    const retry = state.retries < policy.limit && (notSent || state.idempotent);
    const name = state.reading ? 'body' : timedOut ? 'timeout' : notSent ? 'refused' : 'network';
    // Restore in-flight for the final error's ambiguity check when not retrying.
    if (!retry) {
      state.inFlight = wasInFlight;
      log(state, { error: name, outcome: 'fail' }, state.url);
      return false;
    }
    state.retries++;
    state.nextDelay = backoff(policy, state.retries);
    log(state, { error: name, outcome: 'retry' }, state.url);
    return true;
  };

  // Only what does not change between calls; the retry options are per call (see `send`).
  // (ky merges these into every call's options, so they are as few as possible. `attempt` only
  // ever resolves with a success, so `throwHttpErrors` and the status-code retry lists never
  // come into play.)
  const api: KyInstance = ky.create({
    method: 'post',
    timeout: options.timeout,
    ...(options.totalTimeout === false ? {} : { totalTimeout: options.totalTimeout }),
    fetch: attempt as unknown as typeof globalThis.fetch,
    hooks: { beforeRetry: [beforeRetry] },
  });

  return {
    clock,
    async send(operation, idempotent, path, payload, requestOptions = {}) {
      const { signal } = requestOptions;
      signal?.throwIfAborted();
      const envelope = encodeRequest(payload, { requestId: requestOptions.requestId ?? newId() });
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
        signedUrl: '',
        signedOffset: 0,
        attemptStart: 0,
        inFlight: false,
        maybeSent: false,
        reading: false,
        settled: false,
        nextDelay: 0,
        loggedAttempt: 0,
        decoded: undefined,
      };
      let response: Response;
      try {
        const callOptions: Options & CallOptions = {
          ...(requestOptions.timeout === undefined ? {} : { timeout }),
          ...(signal ? { signal } : {}),
          tvsCall: state,
          retry: {
            // One more than the policy allows: the clock-skew re-sign. `attempt` and
            // `shouldRetry` count the rest and choose each wait.
            limit: policy.limit + 1,
            methods: RETRY_METHODS,
            shouldRetry: ({ error }) => shouldRetry(state, error),
            delay: () => state.nextDelay,
          },
        };
        response = await api(sign(state), callOptions);
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
