import {
  API_CODES,
  CHANNEL_CLOSE_CODES,
  DOWNLINK_TYPE,
  SESSION_STATUS,
  type SessionStat,
} from '@tvs/envelope';
import { describe, expect, it } from 'vitest';
import { closeVerdict, upgradeVerdict } from './verdicts.js';

describe('closeVerdict', () => {
  it('reconnects on every close code but the two that end the channel', () => {
    for (const code of [1000, 1001, 1006, 1011, CHANNEL_CLOSE_CODES.IDLE]) {
      expect(closeVerdict(code, undefined)).toBeUndefined();
    }
  });

  it('session ended: says why from the last Type 9 message without a ReqId', () => {
    const last = {
      Type: DOWNLINK_TYPE.DRIVE_FAILED,
      Code: API_CODES.SESSION_REPLACED,
      Message: 'taken over',
    };
    expect(closeVerdict(CHANNEL_CLOSE_CODES.SESSION_ENDED, last as never)).toEqual({
      reason: 'session-ended',
      message: 'the session ended: taken over',
      gatewayCode: API_CODES.SESSION_REPLACED,
      closeCode: CHANNEL_CLOSE_CODES.SESSION_ENDED,
    });
    expect(closeVerdict(CHANNEL_CLOSE_CODES.SESSION_ENDED, undefined)).toMatchObject({
      message: 'the session ended',
      gatewayCode: undefined,
    });
  });

  it('replaced: another connection took over', () => {
    expect(closeVerdict(CHANNEL_CLOSE_CODES.REPLACED, undefined)).toMatchObject({
      reason: 'replaced',
      closeCode: CHANNEL_CLOSE_CODES.REPLACED,
    });
  });
});

describe('upgradeVerdict (statsession after a failed upgrade)', () => {
  const stat = (fields: Partial<SessionStat>) =>
    ({ SessionStatus: SESSION_STATUS.READY, ...fields }) as SessionStat;

  it('a ready, started session: the failure was transient, reconnect', () => {
    expect(upgradeVerdict(stat({ IsSessionStarted: true }))).toBeUndefined();
    expect(upgradeVerdict(stat({}))).toBeUndefined();
  });

  it('each state that cannot take a channel gives its reason', () => {
    const rows: Array<[Partial<SessionStat>, string, RegExp, number | undefined]> = [
      [
        { IsSessionStarted: false },
        'connect-failed',
        /not started: call sessions.start/,
        undefined,
      ],
      [{ SessionStatus: SESSION_STATUS.PREPARING }, 'connect-failed', /still preparing/, undefined],
      [
        { SessionStatus: SESSION_STATUS.CLOSED },
        'session-ended',
        /^the session is closed$/,
        undefined,
      ],
      [
        { SessionStatus: SESSION_STATUS.FAILED, ErrorCode: -101001, ErrorMessage: 'no compute' },
        'session-ended',
        /^the session is failed \(ErrorCode -101001\): no compute$/,
        -101001,
      ],
      [
        { SessionStatus: SESSION_STATUS.CLOSED, ErrorCode: 0 },
        'session-ended',
        /^the session is closed$/,
        undefined,
      ],
    ];
    for (const [fields, reason, message, gatewayCode] of rows) {
      const verdict = upgradeVerdict(stat(fields));
      expect(verdict).toMatchObject({ reason, gatewayCode });
      expect(verdict?.message).toMatch(message);
    }
  });
});
