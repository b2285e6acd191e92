import type { CallRecord } from '../call-log.js';
import { CODES } from '../errors.js';
import { type FaultRule, SimulatedNetworkError } from '../faults.js';
import { cutBody, stalledAnswer, stalledBody } from './fault-bodies.js';
import { envelopeBytes, messageForCode, type Responses } from './responses.js';

/** The part of a call record a fault answer fills in. @internal */
export type FaultOutcome = Pick<CallRecord, 'httpStatus' | 'code' | 'message'>;

/** How a fault answer reaches the call log and the response builders. @internal */
export interface FaultAnswerContext {
  readonly responses: Responses;
  readonly request: Request;
  readonly requestId: string;
  record(outcome: FaultOutcome): void;
}

const loadBalancerPage = (status: number) => {
  const title = status === 503 ? '503 Service Temporarily Unavailable' : '502 Bad Gateway';
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>stgw</center>\r\n</body>\r\n</html>\r\n`;
};

/**
 * Faults in front of the gateway, before it reads the request: a dropped connection
 * (`reset-before`, thrown as `SimulatedNetworkError`) or a load balancer's HTML error page
 * (`http-error`). Undefined for any other fault.
 * @internal
 */
export async function beforeReading(
  fault: FaultRule | undefined,
  context: FaultAnswerContext,
): Promise<Response | undefined> {
  if (fault?.kind !== 'reset-before' && fault?.kind !== 'http-error') return undefined;
  await context.request.body?.cancel().catch(() => {});
  if (fault.kind === 'reset-before') {
    context.record({ httpStatus: 0 });
    throw new SimulatedNetworkError(false);
  }
  const status = fault.httpStatus ?? 502;
  context.record({ httpStatus: status });
  return context.responses.text(status, loadBalancerPage(status), 'text/html');
}

/** An `api-error` fault's answer: any code, HTTP `status`, a `Class:text` message. @internal */
export function apiErrorAnswer(fault: FaultRule, context: FaultAnswerContext): Response {
  const code = fault.code ?? CODES.internal;
  const message = messageForCode(code);
  const status = fault.status ?? 200;
  context.record({ httpStatus: status, code, message });
  return context.responses.envelope(context.requestId, code, message, {}, { status });
}

/**
 * Faults after the gateway acted, on its success answer `result`: an API error, a dropped
 * connection, a broken, cut or stalled body, or no answer at all. Undefined when the fault
 * leaves the answer alone.
 * @internal
 */
export function afterActing(
  fault: FaultRule | undefined,
  result: Record<string, unknown>,
  context: FaultAnswerContext,
): Response | Promise<never> | undefined {
  if (fault === undefined) return undefined;
  const answer = envelopeBytes(context.requestId, 0, '', result);
  const { responses, request } = context;
  const sent = (httpStatus: number) => context.record({ httpStatus, code: 0 });
  switch (fault.kind) {
    case 'api-error':
      return apiErrorAnswer(fault, context);
    case 'reset-after':
      sent(0);
      throw new SimulatedNetworkError(true);
    case 'malformed-json':
      sent(200);
      return responses.bytes(answer.slice(0, Math.max(1, Math.floor(answer.length / 2))));
    case 'cut-body':
      sent(200);
      return responses.stream(cutBody(answer), answer.byteLength);
    case 'stall':
      sent(0);
      return stalledAnswer(request.signal);
    case 'stall-body':
      sent(200);
      return responses.stream(stalledBody(answer, request.signal), answer.byteLength);
    default:
      return undefined;
  }
}
