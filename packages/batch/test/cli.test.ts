import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, storePathFor } from '../src/index.js';
import { CREATE_PATH, createsPerJob, perTest, TOKEN, writeJobsCsv } from './helpers.js';
import { runCli, startCli } from './processes.js';

const scope = perTest();

const FAST = ['--poll-min', '5', '--poll-max', '200'];

describe('tvs-batch run', () => {
  it('takes a 1,000-line CSV to a manifest and the files; a second run does nothing but report', async () => {
    const harness = await scope.gateway({ concurrency: 32 });
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 1000, harness.avatar);
    const first = await runCli(['run', input, '--concurrency', '32', ...FAST], {
      env: harness.env(),
    });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // Off a terminal: a plain line per finished job, then the summary table.
    expect(first.stdout).toMatch(
      /^1000 jobs \(1000 queued\); state in .*jobs\.csv\.tvs-batch\.db$/m,
    );
    expect(first.stdout).toMatch(
      /^j00001 downloaded task [0-9a-f]+ .*j00001\.webm .*j00001\.srt$/m,
    );
    expect(first.stdout).toMatch(/^downloaded\s+1000$/m);
    expect(first.stdout).toMatch(/1000 creates, \d+ polls \(\d+\.\d\d per task\), 0 throttled/);
    const out = join(temp.dir, 'out');
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.webm'))).toHaveLength(1000);
    expect(files.filter((f) => f.endsWith('.srt'))).toHaveLength(1000);
    expect(files.some((f) => f.endsWith('.part'))).toBe(false);
    const manifest = readFileSync(join(out, 'manifest.csv'), 'utf8').trim().split('\n');
    expect(manifest[0]).toBe(
      'id,status,taskId,requestId,file,bytes,sha256,subtitles,durationMs,failCode,explanation',
    );
    expect(manifest).toHaveLength(1001);
    const jsonl = readFileSync(join(out, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      jsonl.every((entry) => entry.status === 'downloaded' && /^[0-9a-f]{64}$/.test(entry.sha256)),
    ).toBe(true);
    expect([...createsPerJob(harness.gateway).values()].every((n) => n === 1)).toBe(true);

    const calls = harness.gateway.calls.length;
    const second = await runCli(['run', input, ...FAST], { env: harness.env() });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^1000 jobs \(1000 downloaded\)/m);
    expect(second.stdout).toMatch(/this run: 0 downloaded .*\n\s+0 creates, 0 polls/);
    expect(harness.gateway.calls.length).toBe(calls);
  });

  it('prints one JSON event a line with --json, ending with the summary; --base-url wins over TVS_BASE_URL', async () => {
    const harness = await scope.gateway();
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 5, harness.avatar);
    // The client reads TVS_BASE_URL itself, and refuses this one: the flag must take its place.
    const env = { ...harness.env(), TVS_BASE_URL: 'not a url' };
    const refused = await runCli(['run', input, '--json', ...FAST], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/TVS_BASE_URL must be an absolute http\(s\) URL/);
    expect(harness.gateway.calls).toHaveLength(0);
    const { code, stdout } = await runCli(
      ['run', input, '--json', '--base-url', harness.server.url, ...FAST],
      { env },
    );
    expect(code).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({ type: 'start', total: 5 });
    expect(events.filter((e) => e.type === 'state' && e.state === 'downloaded')).toHaveLength(5);
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      summary: { total: 5, creates: 5, counts: { downloaded: 5 } },
    });
  });

  it('refuses a bad file with every bad line, exit status 2, and sends nothing', async () => {
    const harness = await scope.gateway();
    const temp = scope.temp();
    const input = join(temp.dir, 'jobs.csv');
    writeFileSync(
      input,
      `id,text,avatar\na,Hello,${harness.avatar}\nb,"unterminated,${harness.avatar}\n`,
    );
    const { code, stderr } = await runCli(['run', input], { env: harness.env() });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /jobs\.csv: \d invalid lines?; nothing was sent\n {2}line 3: a quoted field is never closed/,
    );
    expect(harness.gateway.calls).toHaveLength(0);
    const usage = await runCli(['enqueue', input], { env: harness.env() });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/enqueue needs --redis/);
  });

  it('says which credentials are missing, and never prints or stores the token', async () => {
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 3, 'no-such-avatar');
    const env = { ...process.env, TVS_APPKEY: 'app', TVS_ACCESS_TOKEN: '', TVS_BASE_URL: '' };
    const missing = await runCli(['run', input], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/appkey is set but accessToken is missing/);
    const harness = await scope.gateway();
    // Refused creates (unknown avatar): error messages and explanations are printed and stored.
    const ok = await runCli(['run', input, '--json', ...FAST], { env: harness.env() });
    expect(ok.code).toBe(1);
    expect(ok.stdout).toContain('"state":"failed"');
    const files = [
      storePathFor(input),
      `${storePathFor(input)}-wal`,
      join(temp.dir, 'out', 'manifest.csv'),
    ];
    const written = [ok.stdout, ok.stderr]
      .concat(files.filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')))
      .join('\n');
    expect(written).toContain('no-such-avatar');
    expect(written).not.toContain(TOKEN);
  });

  it('stops on Ctrl-C with every job in a consistent state, exit status 130; status, manifest and a re-run finish the story', async () => {
    const harness = await scope.gateway({ renderSpeed: 20 });
    const temp = scope.temp();
    const input = writeJobsCsv(temp.dir, 200, harness.avatar);
    let downloaded = 0;
    const cli = startCli(['run', input, '--concurrency', '8', '--json', ...FAST], {
      env: harness.env(),
      onLine: (line) => {
        if (line.includes('"state":"downloaded"') && ++downloaded === 20) cli.child.kill('SIGINT');
      },
    });
    const stopped = await cli.done;
    expect(stopped.code).toBe(130);
    const done = JSON.parse(stopped.stdout.trim().split('\n').at(-1)!);
    expect(done).toMatchObject({
      type: 'done',
      summary: { stopped: true, counts: { submitting: 0 } },
    });
    expect(done.summary.counts.downloaded).toBeLessThan(200);
    expect(harness.gateway.calls.filter((c) => c.path === CREATE_PATH)).toHaveLength(
      done.summary.creates,
    );

    const status = await runCli(['status', input, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({
      type: 'status',
      counts: done.summary.counts,
    });
    const manifest = await runCli(['manifest', input]);
    expect(manifest.code).toBe(0);
    expect(existsSync(join(temp.dir, 'out', 'manifest.jsonl'))).toBe(true);

    const rest = await runCli(['run', input, '--concurrency', '8', ...FAST], {
      env: harness.env(),
    });
    expect(rest.code).toBe(0);
    const store = await openSqliteStore(storePathFor(input), { lock: false });
    expect((await store.counts()).downloaded).toBe(200);
    await store.close();
    expect(createsPerJob(harness.gateway).size).toBe(200);
    expect([...createsPerJob(harness.gateway).values()].every((n) => n === 1)).toBe(true);
  });
});
