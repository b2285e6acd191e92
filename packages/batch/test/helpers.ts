import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type TvsClient } from '@tvs/client';
import {
  createMockGateway,
  type ListeningGateway,
  type MockGateway,
  type MockGatewayOptions,
} from '@tvs/mock-gateway';
import { afterEach, expect } from 'vitest';
import type { JobRecord } from '../src/state/job-record.js';

export const APPKEY = 'app-batch-tests';
export const TOKEN = 'tok-SECRET-batch-do-not-print';
export const CREATE_PATH = '/v2/ivh/videomaker/broadcastservice/videomake';
export const PROGRESS_PATH = '/v2/ivh/videomaker/broadcastservice/getprogress';

export interface Harness {
  readonly gateway: MockGateway;
  readonly server: ListeningGateway;
  readonly avatar: string;
  readonly voice: string;
  /** A client for the gateway with retries off, as the runner makes its own. */
  client(): TvsClient;
  /** Environment for a `tvs-batch` child process pointed at this gateway. */
  env(): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/**
 * A mock gateway on a loopback socket with fast virtual renders: `renderSpeed` 100 makes a
 * short line render in about 15 ms of real time, on the real clock (tasks end on timers).
 */
export async function startGateway(options: Partial<MockGatewayOptions> = {}): Promise<Harness> {
  const gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    renderSpeed: 100,
    concurrency: 16,
    seed: 11,
    maxCalls: 200_000,
    ...options,
  });
  const server = await gateway.listen();
  return {
    gateway,
    server,
    avatar: gateway.catalogue.avatars[0]!.VirtualmanKey,
    voice: gateway.catalogue.timbres[0]!.TimbreKey,
    client: () =>
      createClient({ appkey: APPKEY, accessToken: TOKEN, baseUrl: server.url, retry: false }),
    env: () => ({
      ...process.env,
      TVS_APPKEY: APPKEY,
      TVS_ACCESS_TOKEN: TOKEN,
      TVS_BASE_URL: server.url,
      NO_COLOR: '1',
    }),
    close: async () => {
      gateway.close();
      await server.close();
    },
  };
}

/**
 * A temporary folder, removed by `cleanup`: on tmpfs (`/dev/shm`) where there is one, since these
 * tests measure the runner and its witness, not the disk (whose syncs cost a loaded machine
 * milliseconds each).
 */
export function tempDir(): { dir: string; cleanup(): void } {
  let base = tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    base = '/dev/shm';
  } catch {}
  const dir = mkdtempSync(join(base, 'tvs-batch-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a CSV of `count` jobs `j00001…` with a short templated line each; returns its path. */
export function writeJobsCsv(
  dir: string,
  count: number,
  avatar: string,
  name = 'jobs.csv',
): string {
  const lines = ['id,text,avatar,name'];
  for (let i = 1; i <= count; i++) {
    const id = `j${String(i).padStart(5, '0')}`;
    lines.push(`${id},Hello {name}.,${avatar},${id}`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Creates seen by the mock, per job: its tasks' spoken text names the job. */
export function createsPerJob(gateway: MockGateway): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of gateway.tasks) {
    const id = /j\d{5}/.exec(task.text)?.[0];
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * The gateway's witness against the store after crashes: no job was created twice, every
 * create the gateway accepted made exactly one task, every downloaded job's TaskId and RequestID
 * are its one task's, and every ambiguous job's task (if the gateway got its create at all)
 * carries the RequestID the job recorded before the crash: the kill fell between send and record.
 */
export function expectWitnessed(gateway: MockGateway, jobs: readonly JobRecord[]): void {
  const tasksByJob = new Map<string, Array<{ taskId: string; requestId: string }>>();
  for (const task of gateway.tasks) {
    const id = /j\d{5}/.exec(task.text)![0];
    const tasks = tasksByJob.get(id) ?? [];
    tasks.push({ taskId: task.taskId, requestId: task.requestId });
    tasksByJob.set(id, tasks);
  }
  for (const [id, tasks] of tasksByJob) expect(tasks, `${id} was created twice`).toHaveLength(1);
  const accepted = gateway.calls.filter((c) => c.path === CREATE_PATH && c.verdict === 'ok');
  expect(accepted).toHaveLength(gateway.tasks.length);
  for (const job of jobs) {
    expect(['downloaded', 'ambiguous']).toContain(job.state);
    const tasks = tasksByJob.get(job.id) ?? [];
    if (job.state === 'downloaded') {
      expect(tasks).toEqual([{ taskId: job.taskId, requestId: job.requestId }]);
    } else {
      expect(job.creates).toBe(1);
      expect(tasks.every((t) => t.requestId === job.requestId)).toBe(true);
    }
  }
}

/** A gateway and a temporary folder for each test that asks, closed and removed after it. */
export function perTest() {
  let harness: Harness | undefined;
  let temp: ReturnType<typeof tempDir> | undefined;
  afterEach(async () => {
    await harness?.close();
    temp?.cleanup();
    harness = undefined;
    temp = undefined;
  });
  return {
    async gateway(options: Partial<MockGatewayOptions> = {}): Promise<Harness> {
      harness = await startGateway(options);
      return harness;
    },
    temp(): ReturnType<typeof tempDir> {
      temp = tempDir();
      return temp;
    },
  };
}
