import { spawn } from 'node:child_process';
import { createClient } from '@tvs/client';
import { createMockGateway } from '@tvs/mock-gateway';
import { describe, expect, it } from 'vitest';
import { ANSI, CLI, cleanEnv, freshDir, runCli } from './helpers.js';

const HEX32 = '[0-9a-f]{32}';
/** One drive spoken to the end, as the plain output shows it. */
const SPOKEN = new RegExp(
  `^ {2}speaking… \\(ReqId ${HEX32}\\) WaitingTextStart → TextStart → TextOver$`,
  'gm',
);
const CLOSED = new RegExp(
  `^Session (${HEX32}) closed \\(the gateway reports status 2\\); its concurrency slot is free\\.$`,
  'm',
);

describe.concurrent('chat, against the embedded mock gateway', () => {
  it('speaks each piped line to the end, then closes the session', async () => {
    const run = await runCli(['chat'], { input: 'Hello there.\nHow are you today?\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^Session (${HEX32}) is live`, 'm'));
    expect(run.stdout).toContain('> Hello there.\n');
    expect(run.stdout).toContain('> How are you today?\n');
    expect(run.stdout.match(SPOKEN)).toHaveLength(2);
    const live = new RegExp(`^Session (${HEX32}) is live`, 'm').exec(run.stdout)?.[1];
    expect(CLOSED.exec(run.stdout)?.[1]).toBe(live);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(CLOSED); // the last word
    expect(run.stdout).not.toContain(ANSI);
  });

  it('--json prints one JSON line per event, each downlink message among them', async () => {
    const run = await runCli(['chat', '--json'], { input: 'One.\n/quit\nnever sent\n' });
    expect(run.code, run.stderr).toBe(0);
    const events = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((e) => e.event)).toEqual([
      'ready',
      'sent',
      'message',
      'message',
      'message',
      'closed',
      'done',
    ]);
    const [ready, sent] = events;
    const messages = events.filter((e) => e.event === 'message').map((e) => e.message);
    expect(messages.map((m) => m.SpeakStatus)).toEqual([
      'WaitingTextStart',
      'TextStart',
      'TextOver',
    ]);
    for (const m of messages) expect(m).toMatchObject({ Type: 3, ReqId: sent.reqId });
    expect(sent.text).toBe('One.');
    expect(events.at(-2)).toEqual({
      event: 'closed',
      sessionId: ready.sessionId,
      closed: true,
      sessionStatus: 2,
    });
    expect(events.at(-1)).toMatchObject({ gateway: { kind: 'mock' }, sent: 1 });
  });

  it('end of input with nothing typed closes the session and exits 0', async () => {
    const run = await runCli(['chat']); // stdin is empty
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('speaking');
    expect(run.stdout).toMatch(CLOSED);
  });

  it('Ctrl-C while the avatar speaks exits 130 and still closes the session', async () => {
    const run = await runCli(['chat'], {
      input: 'A long line, so that the avatar is still speaking it when Ctrl-C comes along.\n',
      keepStdinOpen: true,
      when: { stdout: 'TextStart', act: (child) => child.kill('SIGINT') },
    });
    expect(run.code).toBe(130);
    expect(run.stdout).not.toContain('TextOver');
    expect(run.stdout).toMatch(CLOSED);
    expect(run.stderr).toMatch(/^Cancelled\.$/m);
    expect(run.stderr).not.toContain('✖');
  });

  it('Usage: --avatar and --project together exit 2', async () => {
    const run = await runCli(['chat', '--avatar', 'a', '--project', 'p']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Give --avatar or --project, not both.');
  });

  it('a Node without a WebSocket (as Node 20) is told so before a session is opened, exit 2', async () => {
    const run = await runCli(['chat'], {
      command: { file: process.execPath, args: ['--no-experimental-websocket', CLI] },
      input: 'Hello.\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `✖ chat needs a WebSocket client, built into Node from version 22 on; this Node (${process.version}) has none.`,
    );
    expect(run.stdout).not.toContain('Opening a session');
  });
});

describe('chat with credentials (a mock gateway standing in for the real one)', () => {
  const APPKEY = 'chat-test-appkey';
  const TOKEN = 'tok-chat-never-print-me';

  async function standIn() {
    const gateway = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      sessions: { maxConcurrent: 1, prepareMs: 200 },
    });
    const server = await gateway.listen();
    const env = { TVS_APPKEY: APPKEY, TVS_ACCESS_TOKEN: TOKEN, TVS_BASE_URL: server.url };
    const stop = async () => {
      await server.close();
      gateway.close();
    };
    return { gateway, server, env, stop };
  }

  it('a full concurrency limit (100008) is explained from the error table', async () => {
    const { gateway, server, env, stop } = await standIn();
    try {
      const client = createClient({ appkey: APPKEY, accessToken: TOKEN, baseUrl: server.url });
      const { SessionId } = await client.sessions.createByAsset({
        AssetVirtualmanKey: gateway.catalogue.avatars[0]!.VirtualmanKey,
        UserId: 'someone-else',
        Protocol: 'webrtc',
        DriverType: 1,
      });
      const run = await runCli(['chat'], { env, input: 'Hello.\n' });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('✖ The gateway refused the call: error 100008 (quota).');
      expect(run.stderr).toContain('Over the concurrency limit (videos, sessions)');
      expect(run.stderr).toContain('close sessions you no longer use');
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
      expect(gateway.sessions.list().map((s) => s.sessionId)).toEqual([SessionId]);
    } finally {
      await stop();
    }
  });

  it('a line that fails the content review ends the chat, explained, and the session is closed', async () => {
    const { gateway, env, stop } = await standIn();
    try {
      const run = await runCli(['chat', '--avatar', gateway.catalogue.avatars[1]!.VirtualmanKey], {
        env,
        input: 'This has a blockedword.\nNever sent.\n',
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /✖ The gateway refused the text \(ReqId [0-9a-f]{32}\): error 801005\./,
      );
      expect(run.stderr).toContain('Rephrase the text');
      expect(run.stdout).toMatch(CLOSED);
      expect(run.stdout).not.toContain('Never sent.');
      const sessionId = CLOSED.exec(run.stdout)?.[1] ?? '';
      expect(gateway.sessions.get(sessionId)).toMatchObject({
        status: 2,
        assetVirtualmanKey: gateway.catalogue.avatars[1]!.VirtualmanKey,
      });
    } finally {
      await stop();
    }
  });
});

describe('chat on a terminal', () => {
  it('prompts, speaks a typed line, and ends on /quit (under a pseudo-terminal)', async () => {
    const child = spawn(
      'script',
      ['-qfec', `${JSON.stringify(process.execPath)} ${CLI} chat`, '/dev/null'],
      {
        cwd: freshDir(),
        env: { ...cleanEnv(), TERM: 'xterm-256color' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let step = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (step === 0 && output.includes('ends the chat')) {
        step = 1;
        child.stdin.write('Hello from a terminal.\r');
      } else if (step === 1 && output.includes('TextOver')) {
        step = 2;
        child.stdin.write('/quit\r');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, output).toBe(0);
    expect(step).toBe(2);
    expect(output).toContain('Hello from a terminal.'); // echoed by the terminal
    expect(output).toMatch(new RegExp(`ReqId ${HEX32}`));
    expect(output).toContain('TextStart');
    expect(output).toContain(ANSI); // styled: a bold prompt, a green TextOver
    expect(output).toMatch(/Session [0-9a-f]{32} closed \(the gateway reports status 2\)/);
  });
});
