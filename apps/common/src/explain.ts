import {
  API_CODES,
  TvsAmbiguousError,
  TvsApiError,
  TvsChannelError,
  TvsEnvelopeError,
  type TvsError,
  type TvsErrorCategory,
  TvsHttpError,
  TvsNetworkError,
  TvsSessionError,
  TvsTaskFailedError,
  TvsTimeoutError,
} from '@tvs/client';

/** What ended an ambiguous call, as the end of "acted on before …". */
const AMBIGUOUS_BECAUSE: Readonly<Record<TvsAmbiguousError['reason'], string>> = {
  timeout: 'the answer was given up on (timeout)',
  network: 'the connection failed',
  http: 'the error answer came back',
  code: 'the gateway answered with an internal error',
  body: 'the answer was cut off or could not be read',
  aborted: 'the call was aborted',
};

/** An error made readable: what happened, the facts behind it, and what to do. */
export interface Explained {
  headline: string;
  details: string[];
  hints: string[];
}

/**
 * What a person can do about each category of error, in the words of one surface (the CLI
 * names its commands and environment variables, the page its buttons and the edge signer).
 * The explanations themselves (headline, gateway message, meaning, RequestID) are the same
 * everywhere; only these hints differ.
 */
export interface Surface {
  /** Hints by category; `unknown` is the fallback for a category without its own. */
  readonly hints: Readonly<Partial<Record<TvsErrorCategory, readonly string[]>>> & {
    readonly unknown: readonly string[];
  };
  /**
   * Hints for particular gateway codes, used instead of their category's: a category can be too
   * broad for good advice (`not-found` is a missing avatar for 100016, a missing task or session
   * for 110006).
   */
  readonly codeHints?: Readonly<Partial<Record<number, readonly string[]>>> | undefined;
  /**
   * Put first among the hints of 110006 (no such record: a TaskId or SessionId) when the calls
   * went to an embedded mock gateway, which forgets its records when it stops.
   */
  readonly mockNotFound?: string | undefined;
}

/** What was being talked to, so an error can be explained in those terms. */
export interface ExplainContext {
  /** The base URL the calls went to, when known. */
  url?: string | undefined;
  /** Whether the calls went to the embedded mock gateway. */
  mock?: boolean | undefined;
}

/** Hints that read the same on every surface. */
export const COMMON_HINTS = {
  quota: [
    'Wait for running tasks to end, close sessions you no longer use (list them in the TVS console), or check the hour package and concurrency there.',
  ],
  content: ['Rephrase the text: it failed the content review.'],
  capacity: ['The gateway is short of compute: wait a minute and try again.'],
  unknown: ["Look the code up in Tencent's TVS documentation, and quote the RequestID to support."],
} as const satisfies Partial<Record<TvsErrorCategory, readonly string[]>>;

/** Said when asking again may succeed after a task failed. */
export const RETRY_TASK_HINT = 'Submitting the same video again can succeed.';

function hintsFor(surface: Surface, category: TvsErrorCategory): string[] {
  return [...(surface.hints[category] ?? surface.hints.unknown)];
}

function requestIdLine(error: TvsError): string[] {
  return error.requestId ? [`RequestID: ${error.requestId} (quote it to support)`] : [];
}

/**
 * Explains an error of the SDK's hierarchy: a gateway refusal from the error table, a refused
 * drive, a failed session or task, an ambiguous create, a network failure, a timeout, an answer
 * that is not the gateway's. Hints come from `surface`.
 */
export function explainTvsError(
  error: TvsError,
  surface: Surface,
  context: ExplainContext = {},
): Explained {
  const where = context.url ?? 'the gateway';
  if (error instanceof TvsApiError) {
    const hints = [...(surface.codeHints?.[error.code] ?? hintsFor(surface, error.category))];
    if (error.code === API_CODES.RECORD_NOT_FOUND && context.mock && surface.mockNotFound) {
      hints.unshift(surface.mockNotFound);
    }
    return {
      headline: `The gateway refused the call: error ${error.code} (${error.category}).`,
      details: [
        `Gateway message: ${error.gatewayMessage || '(none)'}`,
        `What it means: ${error.explanation}`,
        ...requestIdLine(error),
      ],
      hints,
    };
  }
  if (error instanceof TvsChannelError && error.gatewayCode !== undefined) {
    // A drive (or the session) refused with a gateway code: explained from the error table.
    const table = explainTvsError(
      new TvsApiError({
        code: error.gatewayCode,
        gatewayMessage: error.message,
        requestId: error.reqId,
      }),
      surface,
      context,
    );
    return {
      ...table,
      headline:
        error.reason === 'drive-failed'
          ? `The gateway refused the text (ReqId ${error.reqId}): error ${error.gatewayCode}.`
          : `The session ${error.sessionId} ended (${error.reason}): error ${error.gatewayCode}.`,
    };
  }
  if (error instanceof TvsSessionError) {
    const code = error.errorCode === undefined ? '' : `, ErrorCode ${error.errorCode}`;
    return {
      headline: `The session ${error.sessionId} ${error.reason === 'failed' ? 'failed' : 'closed'} (status ${error.sessionStatus}${code}).`,
      details: [
        ...(error.errorMessage ? [`Gateway message: ${error.errorMessage}`] : []),
        `What it means: ${error.explanation}`,
      ],
      hints: hintsFor(surface, 'session'),
    };
  }
  if (error instanceof TvsTaskFailedError) {
    const code = error.failCode === undefined ? 'no FailCode' : `FailCode ${error.failCode}`;
    return {
      headline: `The video task ${error.taskId} failed (${code}, ${error.category}).`,
      details: [
        ...(error.failMessage ? [`Gateway message: ${error.failMessage}`] : []),
        `What it means: ${error.explanation}`,
      ],
      hints: [
        ...(surface.hints[error.category] ?? []),
        ...(error.retryable ? [RETRY_TASK_HINT] : []),
      ],
    };
  }
  if (error instanceof TvsAmbiguousError) {
    return {
      headline: `Nobody knows whether the gateway accepted the ${error.operation} call (${error.reason}).`,
      details: [
        `The request may have been acted on before ${AMBIGUOUS_BECAUSE[error.reason]}; it was not sent again, because a second submission could make (and bill) a second video.`,
        ...(error.gatewayCode === undefined ? [] : [`Gateway code: ${error.gatewayCode}`]),
        `RequestID: ${error.requestId}`,
      ],
      hints: hintsFor(surface, 'ambiguous'),
    };
  }
  if (error instanceof TvsNetworkError) {
    return {
      headline: `Cannot reach the gateway at ${where}.`,
      details: [error.message.replace(/^network error talking to the gateway: /, 'Cause: ')],
      hints: hintsFor(surface, 'network'),
    };
  }
  if (error instanceof TvsTimeoutError) {
    return {
      headline: `The gateway at ${where} did not answer in time.`,
      details: [error.message],
      hints: hintsFor(surface, 'timeout'),
    };
  }
  if (error instanceof TvsHttpError) {
    return {
      headline: `${where} answered HTTP ${error.status}, which is not a gateway answer.`,
      details: error.bodyExcerpt ? [`Body: ${error.bodyExcerpt}`] : [],
      hints: hintsFor(surface, 'http'),
    };
  }
  if (error instanceof TvsEnvelopeError) {
    return {
      headline: `The answer from ${where} is not a gateway envelope (${error.code}).`,
      details: [error.message],
      hints: hintsFor(surface, 'envelope'),
    };
  }
  const hints = error instanceof TvsChannelError ? hintsFor(surface, 'session') : [];
  return { headline: error.message, details: [], hints };
}
