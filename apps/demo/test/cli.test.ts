import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@tvs/client';
import { createMockGateway, type ListeningGateway, type MockGateway } from '@tvs/mock-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSI, closedPort, runCli, SELF } from './helpers.js';

const APPKEY = 'demo-test-appkey';
const TOKEN = 'tok-SECRET-d3m0-never-print-me';
const MAKE = '/v2/ivh/videomaker/broadcastservice/videomake';

describe('the default run, against the embedded mock gateway', () => {
  it('lists assets, renders, downloads and shows subtitles, in plain lines off a terminal', async () => {
    // A render of about a second, so a loaded machine still polls while it is under way.
    const run = await runCli([], { env: { TVS_DEMO_RENDER_SPEED: '4' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    // The mock is announced in exactly one line.
    expect(lines.filter((line) => /mock gateway/i.test(line))).toHaveLength(1);
    expect(lines[0]).toMatch(/^Using the embedded mock gateway at http:\/\/127\.0\.0\.1:\d+: /);
    expect(run.stdout).toMatch(/Avatars \(3 of 48/);
    expect(run.stdout).toMatch(/Voices \(3 of 32/);
    expect(run.stdout).toMatch(/task [0-9a-f]{32} accepted \(RequestID [0-9a-f]{32}\)/);
    expect(run.stdout).toMatch(/^ +\d+\.\ds {2}rendering +\d+%$/m);
    expect(run.stdout).toMatch(/^ +\d+\.\ds {2}done +100%$/m);
    expect(run.stdout).toMatch(/^ {2}video {6}http:\/\/127\.0\.0\.1:\d+\/media\/.+\.mp4$/m);
    expect(run.stdout).toMatch(/^ {2}subtitles {2}http:\/\/127\.0\.0\.1:\d+\/media\/.+\.srt$/m);
    expect(run.stdout).toMatch(/^ {2}duration {3}\d+\.\ds$/m);
    expect(run.stdout).toMatch(
      /Subtitles \(first 3\)\n {2}00:00\.\d → 00:0\d\.\d {2}Hello, I am a digital human\./,
    );
    expect(run.stdout).toMatch(/Done in \d+\.\ds\./);
    // The tables show the avatar and the voice the video then uses, marked.
    const [, avatarKey, voiceKey] =
      /Making a video \(Mp4\) with avatar .+ ([0-9a-f]{32}), voice .+ (\S+)$/m.exec(run.stdout) ??
      [];
    const voices = run.stdout.slice(run.stdout.indexOf('Voices ('), run.stdout.indexOf('Making'));
    expect(voices).toMatch(new RegExp(`^ {2}▸ +${voiceKey} .+ ← the video uses this one$`, 'm'));
    expect(voices.match(/▸/g)).toHaveLength(1);
    const avatars = run.stdout.slice(
      run.stdout.indexOf('Avatars ('),
      run.stdout.indexOf('Voices ('),
    );
    expect(avatars).toMatch(new RegExp(`^ {2}▸ +${avatarKey} .+ ← the video uses this one$`, 'm'));
    // No bars and no colours when stdout is not a terminal.
    expect(run.stdout).not.toContain(ANSI);
    expect(run.stdout).not.toContain('█');

    const files = readdirSync(join(run.cwd, 'out'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{32}\.mp4$/);
    const video = readFileSync(join(run.cwd, 'out', files[0]!));
    expect(video.subarray(4, 8).toString('latin1')).toBe('ftyp'); // an MP4 file
    expect(run.stdout).toContain(`saved out/${files[0]} (${(video.length / 1000).toFixed(1)} kB`);
  });

  it('--json prints one JSON document and nothing else', async () => {
    const run = await runCli(['--json']);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.gateway.kind).toBe('mock');
    expect(doc.avatars).toHaveLength(3);
    expect(doc.voices).toHaveLength(3);
    expect(doc.video.taskId).toMatch(/^[0-9a-f]{32}$/);
    expect(doc.video.progress.Status).toBe('SUCCESS');
    expect(doc.video.progress.MediaUrl).toMatch(/\.mp4$/);
    expect(doc.video.subtitles[0].text).toBe('Hello, I am a digital human.');
    expect(statSync(join(run.cwd, doc.video.file.path)).size).toBe(doc.video.file.bytes);
    // The voice the video used is among the voices shown.
    expect(doc.voices.map((voice: { TimbreKey: string }) => voice.TimbreKey)).toContain(
      doc.video.voice,
    );
    // Durations in whole milliseconds, sizes in bytes: no number with a fraction anywhere.
    expect(Number.isInteger(doc.video.ms)).toBe(true);
    expect(doc.video.file.ms).toBeGreaterThanOrEqual(0);
    const fractions: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'number' && !Number.isInteger(value)) fractions.push(`${path}=${value}`);
      if (typeof value === 'object' && value !== null) {
        for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
      }
    };
    walk(doc, '$');
    expect(fractions).toEqual([]);
  });

  it('--no-download leaves ./out alone', async () => {
    const run = await runCli(['--no-download']);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(run.cwd, 'out'))).toBe(false);
    expect(run.stdout).toContain('Subtitles (first 3)');
  });

  it('--out and --no-download before the command name count for the command too', async () => {
    const clips = await runCli(['--out', 'clips', 'video', 'Hello.']);
    expect(clips.code, clips.stderr).toBe(0);
    expect(readdirSync(join(clips.cwd, 'clips'))).toHaveLength(1);
    expect(existsSync(join(clips.cwd, 'out'))).toBe(false);
    const none = await runCli(['--no-download', 'video', 'Hello.']);
    expect(none.code, none.stderr).toBe(0);
    expect(existsSync(join(none.cwd, 'out'))).toBe(false);
    // The command's own option wins.
    const own = await runCli(['--out', 'clips', 'video', 'Hello.', '--out', 'mine']);
    expect(readdirSync(join(own.cwd, 'mine'))).toHaveLength(1);
    expect(existsSync(join(own.cwd, 'clips'))).toBe(false);
  });
});

describe('commands', () => {
  it('avatars lists every avatar of the account, page by page', async () => {
    const run = await runCli(['avatars']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Avatars (48)');
    expect(run.stdout).toMatch(/^ {2}[0-9a-f]{32} {2}云晓 +正装, 站姿 +2D_SMALL_SAMPLE$/m);
    const json = JSON.parse((await runCli(['avatars', '--json', '--limit', '5'])).stdout);
    expect(json.avatars).toHaveLength(5);
    expect(json.avatars[0].VirtualmanKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it('voices lists every voice, and --json goes before or after the command', async () => {
    const run = await runCli(['voices']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Voices (32)');
    expect(run.stdout).toMatch(/Emma（标准） +en-US +female +American English/);
    const json = JSON.parse((await runCli(['--json', 'voices'])).stdout);
    expect(json.voices).toHaveLength(32);
  });

  it('video renders the given text with the given format and output folder', async () => {
    const run = await runCli(['video', '你好，世界。', '--format', 'webm', '--out', 'clips']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Making a video (TransparentWebm)');
    // A Chinese script gets a Chinese voice.
    expect(run.stdout).toMatch(/voice 知性女声（标准） \(zh-CN\)/);
    expect(readdirSync(join(run.cwd, 'clips'))[0]).toMatch(/\.webm$/);
    expect(run.stdout).toMatch(/00:00\.\d → 00:0\d\.\d {2}你好，世界。/);
  });

  it('progress of an unknown task explains the error, mock included', async () => {
    const run = await runCli(['progress', '0123456789abcdef']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✖ The gateway refused the call: error 110006 (not-found).');
    expect(run.stderr).toContain('What it means: The record does not exist. Check the TaskId');
    expect(run.stderr).toMatch(/RequestID: [0-9a-f]{32}/);
    expect(run.stderr).toContain('starts empty on every run');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const json = await runCli(['progress', '0123456789abcdef', '--json']);
    expect(json.code).toBe(1);
    const { error } = JSON.parse(json.stdout);
    expect(error).toMatchObject({ code: 110006, category: 'not-found', name: 'TvsApiError' });
    expect(error.hints.length).toBeGreaterThan(0);
  });

  it('a text the content review refuses is explained from the error table (801005, 1240/81277)', async () => {
    const run = await runCli(['video', 'This line has a blockedword in it.']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✖ The gateway refused the call: error 801005 (content).');
    expect(run.stderr).toContain('Rephrase the text');
  });

  it('an unknown avatar is explained from the error table, with advice about avatars', async () => {
    const run = await runCli(['video', 'Hello.', '--avatar', 'no-such-avatar']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error 100016 \(not-found\)/);
    expect(run.stderr).toContain('No such avatar asset');
    const hints = run.stderr.slice(run.stderr.indexOf('What to do:'));
    expect(hints).toContain(`List the account's avatars with \`${SELF} avatars\``);
    expect(hints).toContain('--avatar');
    // Not the advice about TaskIds that the mock gives for a task it does not know.
    expect(hints).not.toMatch(/TaskId|starts empty/);
    // Styled only on a terminal: stderr here is a pipe.
    expect(run.stderr).not.toContain(ANSI);
  });

  it('bad usage exits 2 with what was wrong', async () => {
    const typo = await runCli(['avatarz']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'avatarz'");
    const format = await runCli(['video', 'hi', '--format', 'gif']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Choose one of Mp4, TransparentWebm, TransparentMov');
    const speed = await runCli(['avatars'], { env: { TVS_DEMO_RENDER_SPEED: 'fast' } });
    expect(speed.code).toBe(2);
    expect(speed.stderr).toContain('TVS_DEMO_RENDER_SPEED must be a positive number');
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('TVS_APPKEY, TVS_ACCESS_TOKEN');
  });
});

describe('credentials', () => {
  it.each([
    [{ TVS_APPKEY: APPKEY }, 'TVS_APPKEY is set but TVS_ACCESS_TOKEN is not'],
    [{ TVS_ACCESS_TOKEN: TOKEN }, 'TVS_ACCESS_TOKEN is set but TVS_APPKEY is not'],
  ])('half-set credentials exit 2 with an explanation (%o)', async (env, message) => {
    const run = await runCli([], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('to use the real gateway');
    expect(run.stderr).toContain('embedded mock gateway');
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('an unreachable gateway is explained', async () => {
    const port = await closedPort();
    const run = await runCli(['avatars'], {
      env: {
        TVS_APPKEY: APPKEY,
        TVS_ACCESS_TOKEN: TOKEN,
        TVS_BASE_URL: `http://127.0.0.1:${port}`,
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Using the TVS gateway at http://127.0.0.1:${port}`);
    expect(run.stderr).toContain(`✖ Cannot reach the gateway at http://127.0.0.1:${port}.`);
    expect(run.stderr).toContain('ECONNREFUSED');
    expect(run.stderr).toContain('Check TVS_BASE_URL');
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });
});

describe('with credentials, through the same code (a mock gateway standing in for the real one)', () => {
  let gateway: MockGateway;
  let server: ListeningGateway;
  const env = () => ({ TVS_APPKEY: APPKEY, TVS_ACCESS_TOKEN: TOKEN, TVS_BASE_URL: server.url });

  beforeAll(async () => {
    gateway = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      renderSpeed: 20,
    });
    server = await gateway.listen();
  });
  afterAll(async () => {
    await server.close();
    gateway.close();
  });

  it('makes a video, and never prints the token', async () => {
    const run = await runCli(['video', 'Hello from the real path.'], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Using the TVS gateway at ${server.url} with appkey ${APPKEY}.`);
    expect(run.stdout).not.toMatch(/mock/i);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    expect(gateway.calls.some((call) => call.path === MAKE && call.code === 0)).toBe(true);
  });

  it('progress shows a task once, or follows it to the end with --wait', async () => {
    const client = createClient({ appkey: APPKEY, accessToken: TOKEN, baseUrl: server.url });
    const { TaskId } = await client.video.make({
      VirtualmanKey: gateway.catalogue.avatars[0]!.VirtualmanKey,
      InputSsml: 'A task made elsewhere, watched from the command line.',
      SpeechParam: { Speed: 1 },
    });
    const once = await runCli(['progress', TaskId, '--json'], { env: env() });
    expect(once.code, once.stderr).toBe(0);
    expect(JSON.parse(once.stdout)).toMatchObject({ taskId: TaskId, progress: {} });
    const waited = await runCli(['progress', TaskId, '--wait'], { env: env() });
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stdout).toMatch(/^ +\d+\.\ds {2}done +100%$/m);
    expect(waited.stdout).toContain(`Task ${TaskId}: done, 100%`);
    expect(waited.stdout).toMatch(/^ {2}video {6}http:\/\/127\.0\.0\.1:\d+\/media\/.+\.webm$/m);
    expect(waited.stdout).toMatch(/^ {2}subtitles {2}http:.+\.srt$/m);
  });

  it('a wrong token is explained as an auth error', async () => {
    const run = await runCli(['avatars'], {
      env: { ...env(), TVS_ACCESS_TOKEN: 'tok-WRONG-never-print-me' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error 100005 (auth)');
    expect(run.stderr).toContain('Check TVS_APPKEY and TVS_ACCESS_TOKEN');
    expect(run.stderr).toContain("this machine's clock");
    expect(run.stdout + run.stderr).not.toContain('tok-WRONG-never-print-me');
  });

  it('an ambiguous create says what to check and is not resent', async () => {
    gateway.faults.next({ kind: 'reset-after', path: MAKE });
    const before = gateway.calls.filter((call) => call.path === MAKE).length;
    const run = await runCli(['video', 'Hello.'], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nobody knows whether the gateway accepted the video.make call');
    expect(run.stderr).toContain('it was not sent again');
    const requestId = /RequestID: ([0-9a-f]{32})/.exec(run.stderr)?.[1];
    expect(requestId).toBeDefined();
    expect(run.stderr).toContain(`${SELF} progress <taskId>`);
    const makes = gateway.calls.filter((call) => call.path === MAKE).slice(before);
    expect(makes).toHaveLength(1);
    expect(makes[0]!.requestId).toBe(requestId);
  });
});

describe('a busy account', () => {
  it('shows the queue position while the task waits (COMMIT), then the percent', async () => {
    // Gateway time stands still until the CLI has shown the queue, so a slow start of the CLI
    // (a loaded CI machine) cannot let the task ahead finish first.
    const start = Date.now();
    const gateway = createMockGateway({
      credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
      now: () => start,
      renderSpeed: 10,
      concurrency: 1,
    });
    const server = await gateway.listen();
    try {
      const client = createClient({ appkey: APPKEY, accessToken: TOKEN, baseUrl: server.url });
      const [avatar] = gateway.catalogue.avatars;
      const script = 'One task ahead of yours, rendering for a little while before it ends.';
      for (let i = 0; i < 2; i++) {
        await client.video.make({
          VirtualmanKey: avatar!.VirtualmanKey,
          InputSsml: script,
          SpeechParam: { Speed: 1 },
        });
      }
      const run = await runCli(['video', 'Mine comes third.', '--no-download'], {
        env: { TVS_APPKEY: APPKEY, TVS_ACCESS_TOKEN: TOKEN, TVS_BASE_URL: server.url },
        when: { stdout: 'task ahead', act: () => void gateway.clock.advance(120_000) },
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^ +\d+\.\ds {2}queued {4}1 task ahead$/m);
      expect(run.stdout).toMatch(/^ +\d+\.\ds {2}done +100%$/m);
    } finally {
      await server.close();
      gateway.close();
    }
  });
});

describe('Ctrl-C', () => {
  it('cancels cleanly while the video renders: exit 130, no partial file', async () => {
    const started = performance.now();
    let signalledAt = 0;
    const run = await runCli([], {
      // Slow enough that the render is surely still going when Ctrl-C comes.
      env: { TVS_DEMO_RENDER_SPEED: '0.2' },
      when: {
        stdout: 'rendering',
        act: (child) => {
          signalledAt = performance.now();
          child.kill('SIGINT');
        },
      },
    });
    expect(signalledAt).toBeGreaterThan(0);
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/^Cancelled\.\nTask [0-9a-f]{32} was on the embedded mock gateway/);
    expect(run.stderr).not.toContain('✖');
    expect(existsSync(join(run.cwd, 'out'))).toBe(false);
    // It stops at once instead of finishing the render (about 50 s at this speed).
    // (Bounds far from both, so a loaded machine cannot make the test flaky.)
    expect(performance.now() - signalledAt).toBeLessThan(5_000);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
