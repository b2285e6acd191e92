import type { DownlinkMessage } from '@tvs/client';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startGateway } from './helpers.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const PROJECT = { VirtualmanProjectId: 'proj-1', Protocol: 'webrtc' as const };

describe('channel.interrupt() over a real socket', () => {
  it('cuts a text short after its TextStart; then audio may follow (1240/100397, 1240/108576)', async () => {
    // Speech at real speed: the long text would take about a minute to say.
    harness = await startGateway({ sessions: { prepareMs: 100, speechSpeed: 1 } });
    const { gateway, client } = harness;
    await client().sessions.run(
      { ...PROJECT, UserId: 'interrupter', DriverType: 3 },
      async ({ sessionId, channel }) => {
        const drive = await channel.sendText('word '.repeat(200));
        const started = new Promise<void>((resolve) =>
          channel.on('message', ({ message }) => {
            if (message.ReqId === drive.reqId && message.SpeakStatus === 'TextStart') resolve();
          }),
        );
        await started;
        const interrupt = await channel.interrupt();
        expect(interrupt.reqId).toMatch(/^[0-9a-f]{32}$/);
        expect(interrupt.reqId).not.toBe(drive.reqId);
        const over: DownlinkMessage = await drive.finished({ timeout: 15_000 });
        expect(over.SpeakStatus).toBe('TextOver');
        const mock = gateway.sessions.get(sessionId)!;
        expect(mock.drives).toHaveLength(1);
        expect(mock.drives[0]).toMatchObject({ reqId: drive.reqId, interrupted: true });
        // Silent now: audio may drive the avatar.
        const audio = await channel.sendAudio(new Uint8Array(16_000));
        expect((await audio.finished({ timeout: 15_000 })).SpeakStatus).toBe('AudioOver');
        expect(mock.refusals).toEqual([]);
      },
      { waitReady: { pollInterval: 50 } },
    );
  });

  it('an interrupt with nothing to interrupt is harmless', async () => {
    harness = await startGateway({ sessions: { prepareMs: 100, speechSpeed: 100 } });
    const { gateway, client } = harness;
    await client().sessions.run(
      { ...PROJECT, UserId: 'quiet', DriverType: 1 },
      async ({ sessionId, channel }) => {
        await channel.interrupt();
        const drive = await channel.sendText('Still here.');
        expect((await drive.finished({ timeout: 15_000 })).SpeakStatus).toBe('TextOver');
        const mock = gateway.sessions.get(sessionId)!;
        expect(mock.refusals).toEqual([]);
        expect(mock.drives.map((d) => d.interrupted)).toEqual([false]);
      },
      { waitReady: { pollInterval: 50 } },
    );
  });
});
