import { afterAll, beforeAll, expect, it } from 'vitest';
import { eachJob, type JobRecord, openSqliteStore, storePathFor } from '../src/index.js';
import { expectWitnessed, type Harness, startGateway, tempDir, writeJobsCsv } from './helpers.js';
import { runCli, startCli } from './processes.js';

let harness: Harness;
let temp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  harness = await startGateway({ concurrency: 32 });
  temp = tempDir();
});
afterAll(async () => {
  await harness.close();
  temp.cleanup();
});

const JOBS = 2_000;
const ARGS = ['--concurrency', '32', '--poll-min', '5', '--poll-max', '200', '--json'];

it('survives SIGKILL at three random points: every job downloaded, or ambiguous only where a kill fell between send and record; no job created twice', async () => {
  const input = writeJobsCsv(temp.dir, JOBS, harness.avatar);
  const kills: number[] = [];
  for (let round = 0; round < 3; round++) {
    // A random point: after 5–25 % of the jobs have been downloaded in this run.
    const at = Math.floor(JOBS * (0.05 + Math.random() * 0.2));
    let downloaded = 0;
    const cli = startCli(['run', input, ...ARGS], {
      env: harness.env(),
      onLine: (line) => {
        if (line.includes('"state":"downloaded"') && ++downloaded === at) cli.child.kill('SIGKILL');
      },
    });
    const { signal, stderr } = await cli.done;
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    kills.push(at);
  }
  const last = await runCli(['run', input, ...ARGS], { env: harness.env() });
  expect([0, 1]).toContain(last.code);
  const done = JSON.parse(last.stdout.trim().split('\n').at(-1)!);
  expect(done.type).toBe('done');

  const store = await openSqliteStore(storePathFor(input), { lock: false });
  const jobs: JobRecord[] = [];
  for await (const job of eachJob(store)) jobs.push(job);
  await store.close();
  expect(jobs).toHaveLength(JOBS);

  // The mock's tasks are the witness: one task per create that reached it.
  expectWitnessed(harness.gateway, jobs);
  const ambiguous = jobs.filter((j) => j.state === 'ambiguous');
  // At most the creates in flight at each kill.
  expect(ambiguous.length).toBeLessThanOrEqual(3 * 32);
  console.log(
    `kills after ${kills.join(', ')} downloads: ${ambiguous.length} ambiguous, ${JOBS - ambiguous.length} downloaded`,
  );
}, 240_000);
