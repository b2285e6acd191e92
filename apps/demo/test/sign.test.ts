import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createClient } from '@tvs/client';
import { createMockGateway, type ListeningGateway, type MockGateway } from '@tvs/mock-gateway';
import { verifySignedUrl } from '@tvs/signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SELF } from './helpers.js';

const APPKEY = 'demo-test-appkey';
const TOKEN = 'tok-SECRET-s1gn-never-print-me';
const TIMBRES = '/v2/ivh/crmserver/customerassetservice/describetimbre';
const PROGRESS = '/v2/ivh/videomaker/broadcastservice/getprogress';

/**
 * The words a POSIX shell makes of a command line that uses plain words and single quotes
 * (`'it'\''s'` included), which is all `sign` prints. Anything else fails the test.
 */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (char === '\\' && line[i + 1] === "'") {
      word = `${word ?? ''}'`;
      i++;
    } else if (/[\w@%+=:,./-]/.test(char)) {
      word = (word ?? '') + char;
    } else {
      throw new Error(`a shell would treat ${JSON.stringify(char)} specially in: ${line}`);
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The request curl sends for the printed command (only the flags `sign` uses are known). */
function curlRequest(line: string): { url: string; init: RequestInit } {
  const [program, ...args] = shellWords(line);
  expect(program).toBe('curl');
  const headers = new Headers();
  let body: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-sS') continue; // silent, but errors shown: no effect on the request
    if (arg === '-H') {
      const header = args[++i] as string;
      const colon = header.indexOf(':');
      headers.set(header.slice(0, colon), header.slice(colon + 1).trim());
    } else if (arg === '-d') body = args[++i];
    else if (!arg.startsWith('-') && url === undefined) url = arg;
    else throw new Error(`unexpected curl argument ${arg} in: ${line}`);
  }
  if (url === undefined) throw new Error(`no URL in: ${line}`);
  // `-d` makes curl send a POST with the data as given (a literal, not @file).
  return {
    url,
    init: { method: body === undefined ? 'GET' : 'POST', headers, body: body ?? null },
  };
}

/** The `Try: curl …` line of a `sign` run's stderr. */
function tryLine(stderr: string): string {
  const line = /^Try: (curl .*)$/m.exec(stderr)?.[1];
  if (line === undefined) throw new Error(`no curl line in:\n${stderr}`);
  return line;
}

interface Envelope {
  Header: { Code: number; Message: string };
  Payload: Record<string, unknown>;
}

async function replay(line: string): Promise<Envelope> {
  const { url, init } = curlRequest(line);
  return (await (await fetch(url, init)).json()) as Envelope;
}

const hasCurl = spawnSync('curl', ['--version']).status === 0;

describe('sign, against a mock gateway standing in for the real one', () => {
  let gateway: MockGateway;
  let server: ListeningGateway;
  const env = () => ({ TVS_APPKEY: APPKEY, TVS_ACCESS_TOKEN: TOKEN, TVS_BASE_URL: server.url });

  beforeAll(async () => {
    gateway = createMockGateway({ credentials: [{ appkey: APPKEY, accessToken: TOKEN }] });
    server = await gateway.listen();
  });
  afterAll(async () => {
    await server.close();
    gateway.close();
  });

  it('prints the URL alone on stdout, and a curl line that works as printed (a list: paging filled in)', async () => {
    const run = await runCli(['sign', TIMBRES], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    const url = run.stdout.trim();
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(url.startsWith(`${server.url}${TIMBRES}?`)).toBe(true);
    const verified = verifySignedUrl(url, (appkey) => (appkey === APPKEY ? TOKEN : undefined));
    expect(verified).toMatchObject({ ok: true, appkey: APPKEY });
    expect(run.stdout + run.stderr).not.toContain(TOKEN);

    const line = tryLine(run.stderr);
    const { init } = curlRequest(line);
    // The documented envelope and header (1211/62085, 1240/93163).
    expect(JSON.parse(String(init.body))).toEqual({
      Header: {},
      Payload: { PageIndex: 1, PageSize: 10 },
    });
    expect(new Headers(init.headers).get('content-type')).toBe('application/json;charset=utf-8');
    const answer = await replay(line);
    expect(answer.Header).toMatchObject({ Code: 0 });
    expect(answer.Payload['TimbreAssets']).toHaveLength(10);
  });

  it('for a call that needs a value it cannot guess, says how to give it; that command works as printed', async () => {
    const client = createClient({ appkey: APPKEY, accessToken: TOKEN, baseUrl: server.url });
    const { TaskId } = await client.video.make({
      VirtualmanKey: gateway.catalogue.avatars[0]!.VirtualmanKey,
      InputSsml: 'A task to look at with curl.',
      SpeechParam: { Speed: 1 },
    });
    const bare = await runCli(['sign', PROGRESS], { env: env() });
    expect(bare.code, bare.stderr).toBe(0);
    // No curl line that the gateway would refuse (100001: TaskId missing).
    expect(bare.stderr).not.toContain('Try: curl');
    expect(bare.stderr).toContain('getprogress needs TaskId in its Payload');
    const suggested = new RegExp(`^ {2}${literal(SELF)} sign (\\S+) --payload (\\S+)$`, 'm').exec(
      bare.stderr,
    );
    expect(suggested, bare.stderr).not.toBeNull();
    const [, path, payload] = suggested as unknown as [string, string, string];
    expect(shellWords(payload)).toEqual(['{"TaskId":"<TaskId>"}']);

    const run = await runCli(['sign', path, '--payload', `{"TaskId":"${TaskId}"}`], {
      env: env(),
    });
    expect(run.code, run.stderr).toBe(0);
    const answer = await replay(tryLine(run.stderr));
    expect(answer.Header).toMatchObject({ Code: 0 });
    expect(answer.Payload).toMatchObject({
      Status: expect.stringMatching(/COMMIT|MAKING|SUCCESS/),
    });
  });

  it('quotes the payload for the shell, quotes included', async () => {
    const run = await runCli(['sign', PROGRESS, '--payload', `{"TaskId":"it's; $(no)"}`], {
      env: env(),
    });
    expect(run.code, run.stderr).toBe(0);
    const { init } = curlRequest(tryLine(run.stderr));
    expect(JSON.parse(String(init.body)).Payload).toEqual({ TaskId: "it's; $(no)" });
  });

  it.skipIf(!hasCurl)(
    'the printed line run by a shell with curl gets the same answer',
    async () => {
      const run = await runCli(['sign', TIMBRES], { env: env() });
      // Asynchronously: the mock gateway answering curl lives in this process.
      const { stdout } = await promisify(execFile)('sh', ['-c', tryLine(run.stderr)], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      const answer = JSON.parse(stdout) as Envelope;
      expect(answer.Header).toMatchObject({ Code: 0 });
      expect(answer.Payload['TimbreAssets']).toHaveLength(10);
    },
  );

  it('refuses a --payload that is not a JSON object, or lacks a required field', async () => {
    const notJson = await runCli(['sign', PROGRESS, '--payload', '{TaskId:1}'], { env: env() });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('--payload is not JSON');
    const array = await runCli(['sign', PROGRESS, '--payload', '[]'], { env: env() });
    expect(array.code).toBe(2);
    expect(array.stderr).toContain('--payload must be a JSON object');
    const lacking = await runCli(['sign', PROGRESS, '--payload', '{"Task":"x"}'], { env: env() });
    expect(lacking.code).toBe(2);
    expect(lacking.stderr).toContain(
      'The Payload lacks TaskId, which getprogress requires (https://cloud.tencent.com/document/product/1240/81270).',
    );
  });

  it('prints no curl line for a WebSocket URL', async () => {
    const ws = `${server.url.replace('http', 'ws')}/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel?requestid=s1`;
    const run = await runCli(['sign', ws], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(new URL(run.stdout.trim()).searchParams.get('requestid')).toBe('s1');
    expect(run.stderr).not.toContain('curl -');
    expect(run.stderr).toContain('WebSocket');
  });
});

/** `s` as a literal inside a regular expression. */
function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('sign', () => {
  it('signs for the real gateway with the credentials of the environment', async () => {
    const run = await runCli(['sign', `https://gw-sg.tvs.qq.com${TIMBRES}`], {
      env: { TVS_APPKEY: APPKEY, TVS_ACCESS_TOKEN: TOKEN, TVS_REGION: 'sg' },
    });
    expect(run.code, run.stderr).toBe(0);
    const url = new URL(run.stdout.trim());
    expect(url.host).toBe('gw-sg.tvs.qq.com');
    expect(verifySignedUrl(url, () => TOKEN).ok).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('without credentials, signs for the mock gateway with its demo credentials', async () => {
    const run = await runCli(['sign', TIMBRES, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.mock).toBe(true);
    expect(doc.url).toMatch(
      /^http:\/\/127\.0\.0\.1:8787\/v2\/ivh\/crmserver\/.+\/describetimbre\?/,
    );
    expect(verifySignedUrl(doc.url, () => 'demo-access-token').ok).toBe(true);
    expect(run.stdout).not.toContain('demo-access-token');
    expect(Date.parse(doc.expiresAt) - Number(doc.timestamp) * 1000).toBe(300_000);
    expect(doc).toMatchObject({
      operation: 'assets.timbres',
      doc: 'https://cloud.tencent.com/document/product/1240/81274',
      body: '{"Header":{},"Payload":{"PageIndex":1,"PageSize":10}}',
    });
    expect(curlRequest(doc.curl).url).toBe(doc.url);
  });

  it('says how to start the mock gateway it signed for, with a command that runs from here', async () => {
    const run = await runCli(['sign', TIMBRES]);
    expect(run.code, run.stderr).toBe(0);
    const start = /Start one in another terminal with: (node \S+)$/m.exec(run.stderr)?.[1];
    expect(start, run.stderr).toBeDefined();
    const [node, cli] = shellWords(start as string);
    expect(node).toBe('node');
    const help = spawnSync(process.execPath, [cli as string, '--help'], {
      cwd: run.cwd,
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: tvs-mock-gateway');
    expect(help.stdout).toContain('default 8787');
  });

  it('refuses what is not a URL', async () => {
    const run = await runCli(['sign', 'not a url']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Not a URL or path');
  });
});
