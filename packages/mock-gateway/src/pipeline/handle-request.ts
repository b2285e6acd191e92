import { newRequestId } from '@tvs/envelope';
import { refuseRequest } from '@tvs/envelope/server';
import { type CallLog, type CallRecord, urlFields } from '../call-log.js';
import type { GatewayClock } from '../clock.js';
import { CODES, methodNotAllowed, Refusal } from '../errors.js';
import type { FaultEngine } from '../faults.js';
import type { CallContext, Services } from '../handlers/context.js';
import type { AuthVerdict } from './authenticate.js';
import {
  afterActing,
  apiErrorAnswer,
  beforeReading,
  type FaultAnswerContext,
  type FaultOutcome,
} from './fault-answers.js';
import { decodeBody, readLimited } from './read-body.js';
import type { Responses } from './responses.js';
import type { Route } from './routes.js';

/** What the pipeline works with. @internal */
export interface PipelineDeps {
  readonly clock: GatewayClock;
  readonly faults: FaultEngine;
  readonly callLog: CallLog;
  readonly responses: Responses;
  readonly routes: ReadonlyMap<string, Route>;
  readonly services: Services;
  readonly authenticate: (query: URLSearchParams) => AuthVerdict;
  /** `GET`/`HEAD` under `/media/`: the file, or undefined. */
  readonly media: (method: string, path: string) => Response | undefined;
  /** Runs every event due by now (tasks ending, sessions changing). */
  readonly settle: () => void;
}

/** Whether every percent escape of a path decodes (to UTF-8). */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Outcome = Omit<CallRecord, 'at' | 'method' | 'path' | 'requestId' | 'verdict'> & {
  readonly verdict?: CallRecord['verdict'];
};

/**
 * The gateway's request pipeline, top to bottom: a malformed path is refused as bad HTTP; the
 * faults in front of the gateway (latency, a dropped connection, a load balancer page); media
 * files; the body, read with a bound and decoded once; then the refusals in the gateway's order
 * (413, 404, 405, signature, throttling, the body, 501, the operation table's required fields),
 * the handler, and the faults after acting. Every call lands on the call log once.
 * @internal
 */
export function createPipeline(deps: PipelineDeps): (request: Request) => Promise<Response> {
  const { clock, faults, responses, routes, services } = deps;

  return async function handle(request) {
    const at = clock.now();
    // A Request's URL always parses: the Request constructor checked it.
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method;
    deps.settle();

    let requestId = '';
    let fault: ReturnType<FaultEngine['choose']>['fault'];
    let latencyMs = 0;
    const record = (outcome: Outcome) =>
      deps.callLog.record({
        at,
        method,
        ...urlFields(url),
        requestId,
        ...(latencyMs > 0 ? { latencyMs } : {}),
        ...(fault ? { fault: fault.kind } : {}),
        ...outcome,
        verdict: fault ? 'fault' : (outcome.verdict ?? 'refused'),
      });
    const refuse = (refusal: Refusal, extra: Outcome = { httpStatus: 0 }): Response => {
      record({
        ...extra,
        httpStatus: refusal.httpStatus,
        code: refusal.code,
        message: refusal.message,
      });
      return responses.envelope(
        requestId,
        refusal.code,
        refusal.message,
        {},
        {
          status: refusal.httpStatus,
          headers: refusal.headers,
        },
      );
    };
    const faultContext = (): FaultAnswerContext => ({
      responses,
      request,
      requestId,
      record: (outcome: FaultOutcome) => record(outcome),
    });

    // A malformed percent escape (`%zz`, a lone `%`, bytes that are not UTF-8) is bad HTTP:
    // refused before faults or routes see it.
    if (!decodable(path)) {
      requestId = newRequestId();
      await request.body?.cancel().catch(() => {});
      return refuse(
        new Refusal(
          CODES.invalidParameter,
          'InvalidParameter.Path',
          'the path has a malformed percent escape',
          {
            httpStatus: 400,
          },
        ),
      );
    }

    const chosen = faults.choose(path);
    fault = chosen.fault;
    latencyMs = chosen.latencyMs;
    if (latencyMs > 0) await sleep(latencyMs);
    const early = await beforeReading(fault, faultContext());
    if (early) return early;

    if ((method === 'GET' || method === 'HEAD') && path.startsWith('/media/')) {
      const media = deps.media(method, path);
      record({ httpStatus: media ? 200 : 404, verdict: media ? 'ok' : 'refused' });
      return media ?? responses.text(404, 'Not Found');
    }

    const bytes = await readLimited(request);
    const body = bytes === 'too-large' ? undefined : decodeBody(bytes);
    requestId = body?.requestId ?? newRequestId();
    if (body === undefined) {
      return refuse(
        new Refusal(CODES.badValue, 'InvalidParameter.BodyTooLarge', 'request body is over 1 MB', {
          httpStatus: 413,
        }),
      );
    }
    const route = routes.get(path);
    if (!route) {
      return refuse(
        new Refusal(CODES.notFound, 'ResourceNotFound.Path', `no API at ${path.slice(0, 200)}`, {
          httpStatus: 404,
        }),
      );
    }
    if (method !== 'POST') return refuse(methodNotAllowed(method));
    const auth = deps.authenticate(url.searchParams);
    if (!auth.ok) return refuse(auth.refusal, { httpStatus: 0, authFailure: auth.reason });
    if (fault?.kind === 'throttle') {
      return refuse(
        new Refusal(
          fault.code ?? CODES.throttled,
          'RequestLimitExceeded',
          'requests too frequent, slow down',
          {
            httpStatus: fault.status ?? 200,
            headers:
              fault.retryAfterSeconds !== undefined
                ? { 'Retry-After': String(fault.retryAfterSeconds) }
                : {},
          },
        ),
      );
    }
    if (fault?.kind === 'api-error' && fault.afterProcessing === false) {
      return apiErrorAnswer(fault, faultContext());
    }
    if (body.refusal) return refuse(body.refusal);
    const payload = body.payload!;
    if (!route.handler) {
      return refuse(
        new Refusal(
          CODES.internal,
          'InternalError.NotImplemented',
          `the mock gateway does not implement ${path}`,
          {
            httpStatus: 501,
          },
        ),
      );
    }

    const context: CallContext = {
      appkey: auth.appkey,
      requestId,
      origin: url.origin,
      now: clock.now(),
    };
    let result: Record<string, unknown>;
    try {
      const invalid = refuseRequest(route.operation, payload);
      if (invalid) throw new Refusal(invalid.code, invalid.errorClass, invalid.text);
      result = route.handler(payload, context, services);
    } catch (error) {
      if (error instanceof Refusal) return refuse(error);
      throw error;
    }
    deps.settle();
    const faulted = afterActing(fault, result, faultContext());
    if (faulted) return faulted;
    record({ httpStatus: 200, code: 0, verdict: 'ok' });
    return responses.envelope(requestId, 0, '', result);
  };
}
