// Issue 13's promise, on the mock gateway's call log over real sockets: a create is sent exactly
// once under every fault, and ends in the documented error carrying its requestId.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AmbiguousReason,
  API_CODES,
  TvsAmbiguousError,
  TvsApiError,
  type TvsClient,
  TvsEnvelopeError,
} from '@tvs/client';
import { apiErrorTable } from '@tvs/envelope';
import type { FaultRule } from '@tvs/mock-gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, printed, startGateway, TOKEN } from './helpers.js';

const MAKE = '/videomake';

let h: Harness;
beforeEach(async () => {
  h = await startGateway();
});
afterEach(async () => {
  await h.close();
});

const make = (client: TvsClient, signal?: AbortSignal) =>
  client.video.make(
    {
      VirtualmanKey: h.gateway.catalogue.avatars[0]!.VirtualmanKey,
      InputSsml: 'Once, and only once.',
      SpeechParam: { Speed: 1 },
    },
    signal ? { signal } : {},
  );

/** A make under `fault`: the error it ended in, after checking it was sent exactly once. */
async function makeUnder(fault: Omit<FaultRule, 'path'>, client = h.client({ timeout: 500 })) {
  h.gateway.faults.next({ ...fault, path: MAKE } as FaultRule);
  const error = await make(client).catch((e: unknown) => e);
  // Give a resend, were there one, the time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const calls = h.callsTo(MAKE);
  expect(calls, `${fault.kind}: sent once`).toHaveLength(1);
  expect(error).toBeInstanceOf(TvsAmbiguousError);
  const ambiguous = error as TvsAmbiguousError;
  expect(ambiguous.requestId).toMatch(/^[0-9a-f]{32}$/);
  if (calls[0]!.requestId) expect(calls[0]!.requestId).toBe(ambiguous.requestId);
  expect(ambiguous.attempts).toBe(1);
  expect(ambiguous.message).toContain(ambiguous.requestId);
  const text = await printed(error);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toMatch(/signature=(?!REDACTED)[^&\s"]+/);
  return ambiguous;
}

describe('a create is sent exactly once under every fault', () => {
  const cases: Array<[string, Omit<FaultRule, 'path'>, AmbiguousReason]> = [
    ['a reset before processing', { kind: 'reset-before' }, 'network'],
    ['a reset after processing', { kind: 'reset-after' }, 'network'],
    [
      'an internal error code (HTTP 200)',
      { kind: 'api-error', code: API_CODES.INTERNAL_ERROR },
      'code',
    ],
    [
      'an internal error code (HTTP 500)',
      { kind: 'api-error', code: API_CODES.INTERNAL_ERROR, status: 500 },
      'code',
    ],
    ['a 502 page', { kind: 'http-error', httpStatus: 502 }, 'http'],
    ['a 503 page', { kind: 'http-error', httpStatus: 503 }, 'http'],
    ['a 200 body that is not JSON', { kind: 'malformed-json' }, 'body'],
    ['a cut body', { kind: 'cut-body' }, 'body'],
    ['a stall (no headers)', { kind: 'stall' }, 'timeout'],
    ['a stalled body', { kind: 'stall-body' }, 'timeout'],
  ];
  for (const [what, fault, reason] of cases) {
    it(`${what} → TvsAmbiguousError (${reason})`, async () => {
      const error = await makeUnder(fault);
      expect(error.reason).toBe(reason);
      if (fault.kind === 'api-error') {
        expect(error.gatewayCode).toBe(API_CODES.INTERNAL_ERROR);
        expect(error.cause).toBeInstanceOf(TvsApiError);
      }
      if (fault.kind === 'malformed-json') expect(error.cause).toBeInstanceOf(TvsEnvelopeError);
    });
  }

  it('an abort after sending → TvsAmbiguousError (aborted) whose cause is the signal’s reason', async () => {
    // The gateway acts, logs the call, then never answers: abort once the log shows it arrived.
    h.gateway.faults.next({ kind: 'stall', path: MAKE });
    const controller = new AbortController();
    const reason = new Error('the user went away');
    const pending = make(h.client({ timeout: false }), controller.signal).catch((e: unknown) => e);
    while (h.callsTo(MAKE).length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    const error = await pending;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.callsTo(MAKE)).toHaveLength(1);
    expect(error).toBeInstanceOf(TvsAmbiguousError);
    expect((error as TvsAmbiguousError).reason).toBe('aborted');
    expect((error as TvsAmbiguousError).cause).toBe(reason);
    expect((error as TvsAmbiguousError).requestId).toBe(h.callsTo(MAKE)[0]!.requestId);
  });

  it('every code the error table marks "may have acted" is ambiguous for a create; every "refused before acting" code is resent', async () => {
    const client = h.client({ retry: { limit: 1, baseDelay: 1, maxDelay: 1 } });
    for (const row of apiErrorTable) {
      if (!row.mayLaterSucceed && !row.safeToResend) continue;
      h.gateway.reset();
      h.gateway.faults.next({
        kind: 'api-error',
        path: MAKE,
        code: row.code,
        afterProcessing: !row.safeToResend,
      } as FaultRule);
      const result = await make(client).catch((e: unknown) => e);
      const sent = h.callsTo(MAKE);
      if (row.safeToResend) {
        expect(
          sent.map((c) => c.code),
          `${row.code}`,
        ).toEqual([row.code, 0]);
        expect(result, `${row.code}`).toMatchObject({ TaskId: expect.any(String) });
      } else {
        expect(sent, `${row.code}`).toHaveLength(1);
        expect(result, `${row.code}`).toBeInstanceOf(TvsAmbiguousError);
        expect((result as TvsAmbiguousError).gatewayCode).toBe(row.code);
      }
    }
  });
});

describe('bounded reads over a socket', () => {
  it('stops reading an endless body at maxResponseBytes instead of holding it all', async () => {
    let written = 0;
    let closed = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const pump = () => {
        while (!closed && written < 256 * 2 ** 20) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('close', () => {
        closed = true;
      });
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const client = h.client({ baseUrl: `http://127.0.0.1:${port}`, maxResponseBytes: 2 ** 20 });
      const error = await client
        .request('/v2/read', {}, { idempotent: true })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TvsEnvelopeError);
      expect((error as TvsEnvelopeError).code).toBe('too-large');
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Socket buffers let the server write a little past the cap, never the 256 MiB.
      expect(written).toBeLessThan(32 * 2 ** 20);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
