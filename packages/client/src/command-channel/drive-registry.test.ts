import { API_CODES, DOWNLINK_TYPE, type DownlinkMessage, newRequestId } from '@tvs/envelope';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TvsChannelError } from '../errors/tvs-channel-error.js';
import { channelErrorFactory } from './channel-errors.js';
import { DriveRegistry } from './drive-registry.js';
import { CHANNEL_DEFAULTS } from './options.js';

const error = channelErrorFactory('s-1');
const status = (ReqId: string, SpeakStatus: string): DownlinkMessage =>
  ({ Type: DOWNLINK_TYPE.STATUS, ReqId, SpeakStatus }) as DownlinkMessage;

function registry(ended: () => TvsChannelError | undefined = () => undefined) {
  return new DriveRegistry(error, ended);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DriveRegistry', () => {
  it('settles every waiter of a drive on its final status, and only then', async () => {
    const drives = registry();
    const reqId = newRequestId();
    const first = drives.handle(reqId).finished();
    const second = drives.wait(reqId);
    let settled = false;
    void first.then(() => {
      settled = true;
    });
    drives.record(status(reqId, 'TextStart'));
    drives.record(status(newRequestId(), 'TextOver'));
    await Promise.resolve();
    expect(settled).toBe(false);
    const over = status(reqId, 'TextOver');
    drives.record(over);
    expect(await first).toBe(over);
    expect(await second).toBe(over);
  });

  it('a late wait resolves from the finals it remembers, up to its limit', async () => {
    const drives = registry();
    const ids = Array.from({ length: CHANNEL_DEFAULTS.maxFinals + 1 }, () => newRequestId());
    for (const id of ids) drives.record(status(id, 'AudioOver'));
    expect((await drives.wait(ids.at(-1)!)).SpeakStatus).toBe('AudioOver');
    // The oldest was forgotten: waiting for it waits (here, until the timeout).
    await expect(drives.wait(ids[0]!, { timeout: 5 })).rejects.toThrow(/did not finish in 5 ms/);
  });

  it('a Type 9 for the drive rejects with drive-failed and the gateway code', async () => {
    const drives = registry();
    const reqId = newRequestId();
    const waiting = drives.wait(reqId);
    drives.record({
      Type: DOWNLINK_TYPE.DRIVE_FAILED,
      ReqId: reqId,
      Code: API_CODES.INVALID_PARAMETER_VALUE,
      Message: 'bad text',
    } as DownlinkMessage);
    const failure = await waiting.catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TvsChannelError);
    expect(failure).toMatchObject({
      reason: 'drive-failed',
      reqId,
      gatewayCode: API_CODES.INVALID_PARAMETER_VALUE,
    });
    expect((failure as Error).message).toBe(
      `commandChannel s-1: drive ${reqId} failed with code ${API_CODES.INVALID_PARAMETER_VALUE}: bad text`,
    );
    await expect(drives.wait(reqId)).rejects.toMatchObject({ reason: 'drive-failed' });
  });

  it('rejects every pending wait when the channel closes, and new waits afterwards', async () => {
    let ended: TvsChannelError | undefined;
    const drives = registry(() => ended);
    const waits = [drives.wait(newRequestId()), drives.wait(newRequestId())];
    ended = error('closed', 'the channel is closed');
    drives.rejectAll(ended);
    for (const wait of waits) await expect(wait).rejects.toBe(ended);
    await expect(drives.wait(newRequestId())).rejects.toBe(ended);
  });

  it('timeout, abort and bad input', async () => {
    vi.useFakeTimers();
    const drives = registry();
    const timed = drives.wait(newRequestId(), { timeout: 1000 });
    const assertion = expect(timed).rejects.toMatchObject({ reason: 'closed' });
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
    // Infinity (or more than a timer holds) means no limit, not "at once".
    let early = false;
    void drives.wait(newRequestId(), { timeout: Number.POSITIVE_INFINITY }).catch(() => {
      early = true;
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(early).toBe(false);
    const controller = new AbortController();
    const aborted = drives.wait(newRequestId(), { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    await expect(drives.wait(newRequestId(), { signal: controller.signal })).rejects.toThrow(
      'stop',
    );
    await expect(drives.wait('nope')).rejects.toThrow(TypeError);
    await expect(drives.wait(newRequestId(), { timeout: 0 })).rejects.toThrow(TypeError);
    await expect(drives.wait(newRequestId(), { timeout: '5' as never })).rejects.toThrow(TypeError);
  });
});
