import {
  TvsAmbiguousError,
  TvsApiError,
  TvsChannelError,
  TvsHttpError,
  TvsNetworkError,
  TvsSessionError,
  TvsTaskFailedError,
} from '@tvs/client';
import { describe, expect, it } from 'vitest';
import { DownloadError, explain } from './explain.js';
import { UsageError } from './settings.js';

describe('explain', () => {
  it('explains every gateway error code from the table, with something to do', () => {
    const codes = [
      100001, 100002, 100003, 100005, 100008, 100009, 110006, 100012, 801004, 100013, 100014,
      100015, 100016, 110007, 110005, 801005, 110013, 110018, -101000, -101001, -101002, 123456,
    ];
    for (const code of codes) {
      const explained = explain(
        new TvsApiError({ code, gatewayMessage: 'Some.Class:text', requestId: 'r1' }),
      );
      expect(explained.headline).toContain(`error ${code} (`);
      expect(explained.details).toContain('Gateway message: Some.Class:text');
      expect(explained.details.some((d) => d.startsWith('What it means: '))).toBe(true);
      expect(explained.details).toContain('RequestID: r1 (quote it to support)');
      expect(explained.hints.length, String(code)).toBeGreaterThan(0);
      expect(explained.exitCode).toBe(1);
      expect(explained.json).toMatchObject({ code, name: 'TvsApiError' });
    }
  });

  it('adds the mock note to not-found only on the mock', () => {
    const error = new TvsApiError({ code: 110006, gatewayMessage: '' });
    expect(explain(error, { mock: true }).hints[0]).toContain('starts empty on every run');
    expect(explain(error, { mock: false }).hints.join(' ')).not.toContain('starts empty');
  });

  it('a missing avatar (100016) gets advice about avatars, not TaskIds, on the mock too', () => {
    const error = new TvsApiError({
      code: 100016,
      gatewayMessage: 'ResourceNotFound.VirtualmanKey',
    });
    const { hints } = explain(error, { mock: true, self: 'pnpm demo' });
    expect(hints[0]).toContain('`pnpm demo avatars`');
    expect(hints[0]).toContain('--avatar');
    expect(hints.join(' ')).not.toMatch(/TaskId|starts empty/);
  });

  it('a missing task (110006) gets advice about the TaskId, not about avatars', () => {
    const error = new TvsApiError({ code: 110006, gatewayMessage: '' });
    const { hints } = explain(error, { self: 'pnpm demo' });
    expect(hints.join(' ')).toContain('TaskId');
    expect(hints.join(' ')).not.toContain('avatars');
  });

  it('says that the calls went unsigned when TVS_BASE_URL without credentials got an auth error', () => {
    const error = new TvsApiError({ code: 100005, gatewayMessage: 'missing appkey' });
    expect(explain(error, { unsigned: true }).hints[0]).toContain('went unsigned to TVS_BASE_URL');
    expect(explain(error).hints.join(' ')).not.toContain('unsigned');
  });

  it('names the commands as the user started the CLI', () => {
    const error = new TvsAmbiguousError('video.make', 'timeout', 'no answer', { requestId: 'abc' });
    for (const self of ['pnpm demo', 'tvs-demo', 'node apps/demo/dist/cli.js']) {
      expect(explain(error, { self }).hints.join(' ')).toContain(`\`${self} progress <taskId>\``);
    }
  });

  it('says what to check after an ambiguous create', () => {
    const error = new TvsAmbiguousError('video.make', 'timeout', 'no answer', { requestId: 'abc' });
    const explained = explain(error);
    expect(explained.headline).toContain('video.make');
    expect(explained.details).toContain('RequestID: abc');
    expect(explained.hints.join(' ')).toContain('tvs-demo progress <taskId>');
  });

  it('explains network, HTTP, task, usage and download failures', () => {
    const network = explain(new TvsNetworkError('fetch failed (ECONNREFUSED)', false, {}), {
      url: 'http://h',
    });
    expect(network.headline).toBe('Cannot reach the gateway at http://h.');
    expect(network.details).toEqual(['Cause: fetch failed (ECONNREFUSED)']);
    expect(explain(new TvsHttpError(502, '<html>Bad</html>', {})).headline).toContain('HTTP 502');
    const task = explain(new TvsTaskFailedError('t1', { Status: 'FAIL', FailCode: 801008 }));
    expect(task.headline).toContain('t1 failed (FailCode 801008, validation)');
    expect(explain(new UsageError('bad', ['do this'])).exitCode).toBe(2);
    expect(explain(new DownloadError('nope')).exitCode).toBe(1);
    expect(explain(new Error('boom')).headline).toBe('Unexpected error: boom');
  });

  it('explains a refused drive from the error table, and a failed session', () => {
    const drive = explain(
      new TvsChannelError('refused', {
        sessionId: 's1',
        reason: 'drive-failed',
        gatewayCode: 801005,
        reqId: 'r2',
      }),
    );
    expect(drive.headline).toBe('The gateway refused the text (ReqId r2): error 801005.');
    expect(drive.details).toContain('RequestID: r2 (quote it to support)');
    expect(drive.hints.join(' ')).toContain('Rephrase the text');
    const session = explain(new TvsSessionError('s1', { SessionStatus: 4, ErrorCode: 110018 }));
    expect(session.headline).toBe('The session s1 failed (status 4, ErrorCode 110018).');
    expect(session.hints.join(' ')).toContain('tvs-demo chat');
  });
});
