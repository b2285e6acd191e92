import { taskLoad } from '@tvs/mock-gateway';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  APPKEY,
  CREATE_PATH,
  createsPerJob,
  type Harness,
  PROGRESS_PATH,
  startGateway,
  tempDir,
  writeJobsCsv,
} from './helpers.js';
import { runCli } from './processes.js';

let harness: Harness;
let temp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  harness = await startGateway({ concurrency: 64 });
  temp = tempDir();
});
afterAll(async () => {
  await harness.close();
  temp.cleanup();
});

const JOBS = 10_000;
/**
 * The runner's old generation is capped: a run that kept something per job would not fit. (The
 * young generation is set too: V8 sizes it from the old one's cap, and a small one makes the
 * collector run far more often than the runner needs.)
 */
const HEAP_MB = 96;

it('runs 10,000 jobs with the embedded store: all downloaded, one create each, within a capped heap, polls per task reported', async () => {
  const input = writeJobsCsv(temp.dir, JOBS, harness.avatar);
  const { code, stdout, stderr } = await runCli(
    ['run', input, '--concurrency', '64', '--poll-min', '5', '--poll-max', '500', '--json'],
    {
      env: {
        ...harness.env(),
        NODE_OPTIONS: `--max-old-space-size=${HEAP_MB} --max-semi-space-size=32`,
      },
    },
  );
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const { summary } = JSON.parse(stdout.slice(stdout.lastIndexOf('\n', stdout.length - 2) + 1));
  expect(summary.counts.downloaded).toBe(JOBS);
  expect(summary.creates).toBe(JOBS);

  const creates = harness.gateway.calls.filter((c) => c.path === CREATE_PATH);
  expect(creates).toHaveLength(JOBS);
  const perJob = createsPerJob(harness.gateway);
  expect(perJob.size).toBe(JOBS);
  expect([...perJob.values()].every((n) => n === 1)).toBe(true);
  const polls = harness.gateway.calls.filter((c) => c.path === PROGRESS_PATH).length;
  expect(polls).toBe(summary.polls);
  // One scheduler, planned by progress: about one poll per task, not a poll per task per tick.
  expect(summary.pollsPerTask).toBeLessThan(3);
  expect(taskLoad(harness.gateway.tasks).get(APPKEY)!.peakOpen).toBeLessThanOrEqual(64);
  console.log(
    `10,000 jobs: ${(summary.elapsedMs / 1000).toFixed(1)} s, ${summary.jobsPerSecond.toFixed(0)} jobs/s, ${summary.pollsPerTask.toFixed(2)} polls per task, max RSS ${(summary.maxRssBytes / 1e6).toFixed(0)} MB (old space capped at ${HEAP_MB} MB)`,
  );
}, 300_000);
