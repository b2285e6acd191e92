import {
  TvsAmbiguousError,
  TvsApiError,
  TvsChannelError,
  TvsEnvelopeError,
  TvsError,
  TvsHttpError,
  TvsNetworkError,
  TvsSessionError,
  TvsTaskFailedError,
  TvsTimeoutError,
} from '@tvs/client';
import { UsageError } from './settings.js';

/** What the demo was doing and where, so an error can be explained in those terms. */
export interface ErrorContext {
  /** The gateway's base URL, when connected. */
  url?: string | undefined;
  /** Whether the calls went to the embedded mock gateway. */
  mock?: boolean | undefined;
}

/** An error made readable: a headline, details, what to do, and the process's exit code. */
export interface Explanation {
  headline: string;
  details: string[];
  hints: string[];
  exitCode: number;
  /** The same, as data, for `--json`. */
  json: Record<string, unknown>;
}

/** A download of a result file that did not work. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/** What to do about each category of the gateway's error table. */
const CATEGORY_HINTS: Readonly<Record<string, readonly string[]>> = {
  auth: [
    'Check TVS_APPKEY and TVS_ACCESS_TOKEN against the TVS console (they come as a pair, per application).',
    'Check TVS_REGION: an appkey of the international site (sg) is unknown on the mainland gateway (cn), and the other way round.',
    "Check this machine's clock: a signature more than 5 minutes off is refused.",
  ],
  validation: ['Check the command-line values: the avatar and voice keys, the format, the text.'],
  'not-found': [
    'Check the id, and that TVS_REGION is the region where it was created.',
    'List what exists with `tvs-demo avatars` and `tvs-demo voices`.',
  ],
  quota: [
    'Wait for running tasks to end, close sessions you no longer use (list them in the TVS console), or check the hour package and concurrency there.',
  ],
  throttle: ['Wait a few seconds and run the command again.'],
  expired: ['Pick another avatar or voice (`tvs-demo avatars`, `tvs-demo voices`).'],
  content: ['Rephrase the text: it failed the content review.'],
  conflict: [
    'Do not submit again: the first request went through. Look for its task with `tvs-demo progress <taskId>`.',
  ],
  session: [
    'Run `tvs-demo chat` again for a new session; check the session list in the TVS console.',
  ],
  internal: ['A problem on the gateway side: wait a moment and run the command again.'],
  unknown: ["Look the code up in Tencent's TVS documentation, and quote the RequestID to support."],
};

const MOCK_NOT_FOUND =
  'The embedded mock gateway starts empty on every run, so a TaskId from an earlier run is unknown to it. Watch a task in the same run with `tvs-demo video`, or set TVS_APPKEY/TVS_ACCESS_TOKEN for the real gateway.';

function requestIdLine(error: TvsError): string[] {
  return error.requestId ? [`RequestID: ${error.requestId} (quote it to support)`] : [];
}

function explainTvsError(error: TvsError, context: ErrorContext): Omit<Explanation, 'json'> {
  const where = context.url ?? 'the gateway';
  if (error instanceof TvsApiError) {
    const hints = [...(CATEGORY_HINTS[error.category] ?? CATEGORY_HINTS['unknown']!)];
    if (error.category === 'not-found' && context.mock) hints.unshift(MOCK_NOT_FOUND);
    return {
      headline: `The gateway refused the call: error ${error.code} (${error.category}).`,
      details: [
        `Gateway message: ${error.gatewayMessage || '(none)'}`,
        `What it means: ${error.explanation}`,
        ...requestIdLine(error),
      ],
      hints,
      exitCode: 1,
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
      hints: [...CATEGORY_HINTS['session']!],
      exitCode: 1,
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
        ...(CATEGORY_HINTS[error.category] ?? []),
        ...(error.retryable ? ['Submitting the same video again can succeed.'] : []),
      ],
      exitCode: 1,
    };
  }
  if (error instanceof TvsAmbiguousError) {
    return {
      headline: `Nobody knows whether the gateway accepted the ${error.operation} call (${error.reason}).`,
      details: [
        `The request may have arrived before the ${error.reason === 'http' ? 'error answer' : 'connection failed'}; it was not sent again, because a second submission could make (and bill) a second video.`,
        `RequestID: ${error.requestId}`,
      ],
      hints: [
        'Before submitting again, check whether the task exists: look for it in the TVS console (search for the RequestID above),',
        'or, if you have its TaskId, run `tvs-demo progress <taskId>`. Quote the RequestID to support if it does not show up.',
      ],
      exitCode: 1,
    };
  }
  if (error instanceof TvsNetworkError) {
    return {
      headline: `Cannot reach the gateway at ${where}.`,
      details: [error.message.replace(/^network error talking to the gateway: /, 'Cause: ')],
      hints: [
        'Check the network connection and any firewall between here and the gateway.',
        'Check TVS_BASE_URL (if set) and TVS_REGION (cn for the mainland, sg for international).',
        'Behind an HTTP proxy, run with NODE_USE_ENV_PROXY=1 and HTTPS_PROXY set.',
      ],
      exitCode: 1,
    };
  }
  if (error instanceof TvsTimeoutError) {
    return {
      headline: `The gateway at ${where} did not answer in time.`,
      details: [error.message],
      hints: ['Check the network, then run the command again.'],
      exitCode: 1,
    };
  }
  if (error instanceof TvsHttpError) {
    return {
      headline: `${where} answered HTTP ${error.status}, which is not a gateway answer.`,
      details: error.bodyExcerpt ? [`Body: ${error.bodyExcerpt}`] : [],
      hints: [
        'A proxy or load balancer in between may be failing; try again shortly.',
        'If TVS_BASE_URL is set, check that it points at the gateway (or a signing proxy for it).',
      ],
      exitCode: 1,
    };
  }
  if (error instanceof TvsEnvelopeError) {
    return {
      headline: `The answer from ${where} is not a gateway envelope (${error.code}).`,
      details: [error.message],
      hints: ['If TVS_BASE_URL is set, check that it points at the gateway.'],
      exitCode: 1,
    };
  }
  const hints = error instanceof TvsChannelError ? [...CATEGORY_HINTS['session']!] : [];
  return { headline: error.message, details: [], hints, exitCode: 1 };
}

/** Explains any error the demo can meet. */
export function explain(error: unknown, context: ErrorContext = {}): Explanation {
  let base: Omit<Explanation, 'json'>;
  let data: Record<string, unknown> = {};
  if (error instanceof UsageError) {
    base = { headline: error.message, details: [], hints: [...error.hints], exitCode: 2 };
    data = { name: error.name };
  } else if (error instanceof TvsError) {
    base = explainTvsError(error, context);
    data = { ...error.toJSON() };
  } else if (error instanceof DownloadError) {
    base = {
      headline: error.message,
      details: [],
      hints: ['Result URLs stay valid for 7 days; try the URL printed above with curl.'],
      exitCode: 1,
    };
    data = { name: error.name };
  } else {
    const message = error instanceof Error ? error.message : String(error);
    base = {
      headline: `Unexpected error: ${message}`,
      details: [],
      hints: ['Run again with TVS_DEBUG=1 to see every call.'],
      exitCode: 1,
    };
    data = { name: error instanceof Error ? error.name : 'Error' };
  }
  return {
    ...base,
    json: { ...data, headline: base.headline, details: base.details, hints: base.hints },
  };
}
