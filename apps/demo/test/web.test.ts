import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, cleanEnv, freshDir } from './helpers.js';

/** Starts `tvs-demo web` and resolves with the child and its URL once it prints one. */
function startWeb(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'web'], {
    cwd: freshDir(),
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL within 45 s:\n${output}`));
    }, 45_000);
    const take = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /Open (http:\/\/127\.0\.0\.1:\d+\/) /.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.on('exit', () => reject(new Error(`exited before printing a URL:\n${output}`)));
  });
}

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  );

describe('tvs-demo web', () => {
  it('serves the page and the edge signer in front of the mock, prints one URL, and Ctrl-C stops all', async () => {
    const { child, url, output } = await startWeb();
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      // One URL to open, and not a credential in sight.
      expect(output().match(/https?:\/\//g)).toHaveLength(1);
      expect(output()).not.toContain('demo-access-token');

      const html = await (await fetch(url)).text();
      expect(html).toContain('<textarea id="script"');
      expect(html).toContain('Make the video');
      const config = (await (await fetch(new URL('tvs-web.json', url))).json()) as {
        edgeUrl: string;
        callerToken: string;
      };
      expect(JSON.stringify(config)).not.toContain('demo-access-token');

      // The page's origin may call the Worker with the caller token; the Worker signs for the mock.
      const answer = await fetch(
        `${config.edgeUrl}/v2/ivh/crmserver/customerassetservice/describetimbre`,
        {
          method: 'POST',
          headers: {
            Origin: new URL(url).origin,
            Authorization: `Bearer ${config.callerToken}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ Header: {}, Payload: { PageIndex: 1, PageSize: 2 } }),
        },
      );
      const body = (await answer.json()) as { Header: { Code: number }; Payload: object };
      expect(body.Header.Code).toBe(0);
      expect(body.Payload).toHaveProperty('TimbreAssets');

      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(await refused(url)).toBe(true);
      expect(await refused(config.edgeUrl)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses TVS_BASE_URL without credentials: its edge signer needs them', async () => {
    const child = spawn(process.execPath, [CLI, 'web'], {
      cwd: freshDir(),
      env: cleanEnv({ TVS_BASE_URL: 'http://127.0.0.1:9' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('needs the credentials');
  });
});
