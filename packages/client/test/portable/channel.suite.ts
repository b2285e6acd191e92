// Portable: runs under vitest and, bundled, in the runtimes of tooling/runtime-matrix that can
// open sockets (Node 22 and 24, Deno, Bun). Real HTTP and the runtime's own global WebSocket
// against a mock gateway listening on 127.0.0.1, which the harness passes in as `loopback`.
// Only chai and the package's public entry; no Node APIs.
import {
  createClient,
  type DownlinkMessage,
  type LiveSession,
  TvsChannelError,
  type TvsClient,
} from '@tvs/client';
import { expect } from 'chai';
import { rejection } from './rejection.js';

/** The mock gateway on loopback that the harness (or the vitest test) started. */
export interface Loopback {
  url: string;
  appkey: string;
  accessToken: string;
}

const PROJECT = {
  VirtualmanProjectId: 'proj-matrix',
  Protocol: 'webrtc' as const,
  DriverType: 1 as const,
};

function clientOn(loopback: Loopback): TvsClient {
  return createClient({
    appkey: loopback.appkey,
    accessToken: loopback.accessToken,
    baseUrl: loopback.url,
    retry: { baseDelay: 5, maxDelay: 20 },
  });
}

/** A UserId of its own per case and runtime: runtimes share the gateway, and a UserId takes over. */
function user(name: string): string {
  return `${name}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(16)}`;
}

/** Runs `work` in a fresh session (closed afterwards by the lifecycle helper) and returns its result. */
function inSession<T>(
  client: TvsClient,
  name: string,
  work: (session: LiveSession) => Promise<T>,
  extra: { DriverType?: 1 | 3 } = {},
): Promise<T> {
  return client.sessions.run({ ...PROJECT, UserId: user(name), ...extra }, work, {
    waitReady: { pollInterval: 50 },
  });
}

type Case = { name: string; run: (context: { loopback?: Loopback }) => Promise<void> };

/** Wraps a case body that needs the loopback gateway. */
const withLoopback =
  (body: (client: TvsClient) => Promise<void>): Case['run'] =>
  async ({ loopback }) => {
    if (!loopback) throw new Error('this suite needs the loopback gateway');
    await body(clientOn(loopback));
  };

const cases: Case[] = [
  {
    name: 'a text conversation: two paced lines, each WaitingTextStart → TextStart → TextOver',
    run: withLoopback(async (client) => {
      const closedId = await inSession(client, 'text', async ({ sessionId, channel }) => {
        const seen: DownlinkMessage[] = [];
        channel.on('message', ({ message }) => seen.push(message));
        const drives = await Promise.all([
          channel.sendText('Hello from every runtime.'),
          channel.sendText('The second line waits its turn.'),
        ]);
        const finals = await Promise.all(drives.map((d) => d.finished({ timeout: 15_000 })));
        expect(finals.map((m) => m.SpeakStatus)).to.deep.equal(['TextOver', 'TextOver']);
        for (const drive of drives) {
          const statuses = seen.filter((m) => m.ReqId === drive.reqId).map((m) => m.SpeakStatus);
          expect(statuses).to.deep.equal(['WaitingTextStart', 'TextStart', 'TextOver']);
        }
        return sessionId;
      });
      // The lifecycle helper closed the session: it is no longer listed.
      const { Sessions } = await client.sessions.list({});
      expect(Sessions.map((s) => s.SessionId)).not.to.include(closedId);
    }),
  },
  {
    name: 'a streamed reply: one ReqId, pieces split to the size limit, an IsFinal packet',
    run: withLoopback(async (client) => {
      await inSession(client, 'stream', async ({ channel }) => {
        async function* reply() {
          for (const token of ['Once ', 'upon ', 'a time. ']) yield token;
          yield 'word '.repeat(420); // 2100 bytes: two pieces of at most 2000
        }
        const result = await channel.streamText(reply());
        expect(result.packets).to.equal(3 + 2 + 1);
        const final = await result.finished({ timeout: 15_000 });
        expect(final).to.include({ SpeakStatus: 'TextOver', ReqId: result.reqId });
      });
    }),
  },
  {
    // Lateness is the machine's; the exact schedule is checked on virtual time in the unit tests.
    name: 'a paced audio push (1 s of PCM) ends with AudioOver, never faster than 0.75× real time',
    run: withLoopback(async (client) => {
      await inSession(
        client,
        'audio',
        async ({ channel }) => {
          const pcm = new Uint8Array(32_000); // 1 s of 16 kHz 16-bit mono
          const sent = await channel.sendAudio(pcm);
          expect(sent).to.include({ bytes: pcm.length, durationMs: 1000, chunks: 7 });
          expect(sent.realTimeFactor).to.be.at.least(0.75);
          expect((await sent.finished({ timeout: 15_000 })).SpeakStatus).to.equal('AudioOver');
        },
        { DriverType: 3 },
      );
    }),
  },
  {
    name: 'an interrupt after TextStart cuts the text short (Interrupt: true, no Text)',
    run: withLoopback(async (client) => {
      await inSession(client, 'interrupt', async ({ channel }) => {
        // 3999 bytes: seconds of speech even at the harness's speech speed.
        const drive = await channel.sendText('字'.repeat(1333));
        await new Promise<void>((resolve) =>
          channel.on('message', ({ message }) => {
            if (message.ReqId === drive.reqId && message.SpeakStatus === 'TextStart') resolve();
          }),
        );
        const { reqId } = await channel.interrupt();
        expect(reqId).to.match(/^[0-9a-f]{32}$/);
        const over = await drive.finished({ timeout: 15_000 });
        expect(over.SpeakStatus).to.equal('TextOver');
        // No page names a field saying a drive was cut short, and the mock sends none.
        expect(over).to.not.have.property('Interrupted');
      });
    }),
  },
  {
    name: 'refuses audio on a text-only session before sending anything',
    run: withLoopback(async (client) => {
      await inSession(
        client,
        'text-only',
        async ({ channel }) => {
          const error = await rejection(channel.sendAudio(new Uint8Array(5120)));
          expect(error).to.be.instanceOf(TvsChannelError);
          expect(error).to.include({ reason: 'audio-not-allowed' });
          // The channel is still usable.
          const drive = await channel.sendText('Still here.');
          expect((await drive.finished({ timeout: 15_000 })).SpeakStatus).to.equal('TextOver');
        },
        { DriverType: 1 },
      );
    }),
  },
];

export default { name: '@tvs/client command channel (loopback)', needs: ['loopback'], cases };
