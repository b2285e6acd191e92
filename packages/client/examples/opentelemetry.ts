// A span per call with OpenTelemetry, from the client's hooks. The SDK does not depend on
// OpenTelemetry: pass any tracer shaped like `@opentelemetry/api`'s, e.g.
//   import { trace } from '@opentelemetry/api';
//   const client = createClient({ hooks: tracingHooks(trace.getTracer('tvs')) });
// Run against the mock gateway (prints each span with a console tracer):
//   npx tvs-mock-gateway &
//   TVS_BASE_URL=http://127.0.0.1:8787 TVS_APPKEY=demo-appkey TVS_ACCESS_TOKEN=demo-access-token node examples/opentelemetry.ts
import { type ClientHooks, createClient, TvsError } from '@tvs/client';

/** What this example needs of an OpenTelemetry span (a subset of `Span`). */
interface SpanLike {
  setAttribute(key: string, value: string | number | boolean): unknown;
  addEvent(name: string, attributes?: Record<string, string | number | boolean>): unknown;
  recordException(exception: Error): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

/** What this example needs of an OpenTelemetry tracer (a subset of `Tracer`). */
interface TracerLike {
  startSpan(
    name: string,
    options?: { attributes?: Record<string, string | number | boolean> },
  ): SpanLike;
}

/** `SpanStatusCode` of `@opentelemetry/api`. */
const OK = 1;
const ERROR = 2;

/**
 * Hooks that open a span when a call's first attempt starts and end it when the call returns or
 * fails; retries are events on it. Calls are told apart by their `requestId`, the same on every
 * attempt of a call.
 */
function tracingHooks(tracer: TracerLike): ClientHooks {
  const spans = new Map<string, SpanLike>();
  return {
    beforeRequest: [
      ({ operation, requestId, attempt, url }) => {
        if (attempt !== 1) return;
        spans.set(
          requestId,
          tracer.startSpan(`tvs ${operation}`, {
            attributes: {
              'tvs.operation': operation,
              'tvs.request_id': requestId,
              'url.full': url,
            },
          }),
        );
      },
    ],
    afterResponse: [
      ({ requestId, status, code, next }) => {
        const span = spans.get(requestId);
        if (!span) return;
        span.setAttribute('http.response.status_code', status);
        if (code !== undefined) span.setAttribute('tvs.code', code);
        if (next !== 'return') return;
        span.setStatus({ code: OK });
        span.end();
        spans.delete(requestId);
      },
    ],
    beforeRetry: [
      ({ requestId, attempt, delayMs }) => {
        spans
          .get(requestId)
          ?.addEvent('retry', { attempt: attempt + 1, 'delay.ms': Math.round(delayMs) });
      },
    ],
    beforeError: [
      ({ requestId, error }) => {
        const span = spans.get(requestId);
        if (!span) return;
        if (error instanceof Error) span.recordException(error);
        if (error instanceof TvsError) span.setAttribute('tvs.error.code', String(error.code));
        span.setStatus({
          code: ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        span.end();
        spans.delete(requestId);
      },
    ],
  };
}

/** A tracer that prints each span when it ends. */
function consoleTracer(print: (line: string) => void = console.log): TracerLike {
  return {
    startSpan(name, options = {}) {
      const started = performance.now();
      const attributes: Record<string, unknown> = { ...options.attributes };
      const events: string[] = [];
      let status = 'unset';
      return {
        setAttribute: (key, value) => {
          attributes[key] = value;
        },
        addEvent: (event) => void events.push(event),
        recordException: (exception) => void events.push(`exception: ${exception.name}`),
        setStatus: ({ code }) => {
          status = code === OK ? 'ok' : 'error';
        },
        end: () =>
          print(
            `${name} ${status} ${Math.round(performance.now() - started)} ms ${JSON.stringify(attributes)}${events.length ? ` events: ${events.join(', ')}` : ''}`,
          ),
      };
    },
  };
}

const client = createClient({ hooks: tracingHooks(consoleTracer()) });
await client.assets.listTimbres({ PageIndex: 1, PageSize: 1 }); // a span with status ok
await client.video.progress({ TaskId: 'no-such-task' }).catch(() => {}); // status error
