import {
  API_CODES,
  FAIL_CODES,
  TvsAmbiguousError,
  TvsApiError,
  TvsChannelError,
  TvsHttpError,
  TvsNetworkError,
  TvsTaskFailedError,
} from '@tvs/client';
import { describe, expect, it } from 'vitest';
import { COMMON_HINTS, explainTvsError, RETRY_TASK_HINT, type Surface } from './explain.js';

const surface: Surface = {
  hints: {
    ...COMMON_HINTS,
    auth: ['auth hint'],
    'not-found': ['not-found hint'],
    session: ['session hint'],
    ambiguous: ['ambiguous hint'],
    network: ['network hint'],
    http: ['http hint'],
  },
  mockNotFound: 'mock note',
};

describe('explainTvsError', () => {
  it('explains a gateway code from the table, with the surface hints of its category', () => {
    const explained = explainTvsError(
      new TvsApiError({ code: 100012, gatewayMessage: 'Auth.Fail', requestId: 'r1' }),
      surface,
    );
    expect(explained.headline).toMatch(/^The gateway refused the call: error 100012 \(/);
    expect(explained.details).toContain('Gateway message: Auth.Fail');
    expect(explained.details.some((d) => d.startsWith('What it means: '))).toBe(true);
    expect(explained.details).toContain('RequestID: r1 (quote it to support)');
  });

  it('falls back to the unknown hints for a category the surface leaves out', () => {
    const explained = explainTvsError(
      new TvsApiError({ code: 987654, gatewayMessage: '' }),
      surface,
    );
    expect(explained.hints).toEqual(COMMON_HINTS.unknown);
  });

  it('puts the mock note first for not-found, only on the mock', () => {
    const error = new TvsApiError({ code: 110006, gatewayMessage: '' });
    expect(explainTvsError(error, surface, { mock: true }).hints).toEqual([
      'mock note',
      'not-found hint',
    ]);
    expect(explainTvsError(error, surface).hints).toEqual(['not-found hint']);
  });

  it('gives the hints of a particular code instead of its category', () => {
    const withCodes: Surface = { ...surface, codeHints: { 100016: ['list the avatars'] } };
    const avatar = new TvsApiError({ code: 100016, gatewayMessage: '' });
    expect(avatar.category).toBe('not-found');
    expect(explainTvsError(avatar, withCodes).hints).toEqual(['list the avatars']);
    // Another code of the same category keeps the category's hints.
    const task = new TvsApiError({ code: 110006, gatewayMessage: '' });
    expect(explainTvsError(task, withCodes).hints).toEqual(['not-found hint']);
  });

  it('keeps the mock note (records forgotten) off a missing avatar, which no restart explains', () => {
    const avatar = new TvsApiError({ code: 100016, gatewayMessage: '' });
    expect(explainTvsError(avatar, surface, { mock: true }).hints).not.toContain('mock note');
  });

  it('explains a refused drive as the table explains its code', () => {
    const explained = explainTvsError(
      new TvsChannelError('refused', {
        sessionId: 's1',
        reason: 'drive-failed',
        gatewayCode: 801005,
        reqId: 'r2',
      }),
      surface,
    );
    expect(explained.headline).toBe('The gateway refused the text (ReqId r2): error 801005.');
    expect(explained.hints).toEqual(COMMON_HINTS.content);
  });

  it('adds the retry hint to a task failure that may succeed when submitted again', () => {
    const crashed = new TvsTaskFailedError('t1', {
      Status: 'FAIL',
      FailCode: FAIL_CODES.RENDER_CRASHED,
    });
    const explained = explainTvsError(crashed, surface);
    expect(explained.headline).toBe(
      `The video task t1 failed (FailCode ${FAIL_CODES.RENDER_CRASHED}, internal).`,
    );
    expect(explained.hints).toContain(RETRY_TASK_HINT);

    const rejected = new TvsTaskFailedError('t2', {
      Status: 'FAIL',
      FailCode: FAIL_CODES.INVALID_PARAMETER,
    });
    expect(explainTvsError(rejected, surface).hints).not.toContain(RETRY_TASK_HINT);
  });

  it('names where the calls went for network and HTTP failures', () => {
    const context = { url: 'https://edge.example' };
    const network = explainTvsError(
      new TvsNetworkError('fetch failed', false, {}),
      surface,
      context,
    );
    expect(network.headline).toBe('Cannot reach the gateway at https://edge.example.');
    expect(network.hints).toEqual(['network hint']);
    const http = explainTvsError(
      new TvsHttpError(401, '{"error":"unauthorized"}', {}),
      surface,
      context,
    );
    expect(http.headline).toBe(
      'https://edge.example answered HTTP 401, which is not a gateway answer.',
    );
    expect(http.details).toEqual(['Body: {"error":"unauthorized"}']);
    const ambiguous = explainTvsError(
      new TvsAmbiguousError('video.make', 'timeout', 'no answer', { requestId: 'abc' }),
      surface,
    );
    expect(ambiguous.hints).toEqual(['ambiguous hint']);
  });

  it('says what ended an ambiguous call, and the gateway code when there was one', () => {
    const internal = explainTvsError(
      new TvsAmbiguousError('video.make', 'code', 'internal error', {
        requestId: 'abc',
        gatewayCode: API_CODES.INTERNAL_ERROR,
      }),
      surface,
    );
    expect(internal.details[0]).toContain('before the gateway answered with an internal error;');
    expect(internal.details).toContain(`Gateway code: ${API_CODES.INTERNAL_ERROR}`);
    const cut = explainTvsError(
      new TvsAmbiguousError('video.make', 'body', 'cut off', { requestId: 'abc' }),
      surface,
    );
    expect(cut.details[0]).toContain('before the answer was cut off or could not be read;');
    expect(cut.details.some((line) => line.startsWith('Gateway code'))).toBe(false);
  });
});
