import type { Redis } from 'ioredis';
import type { BatchOperation, JobSpec } from '../jobs.js';
import { loadQueueModules } from '../queue/load-modules.js';
import {
  type DownloadedResult,
  emptyCounts,
  type FailureInfo,
  JOB_STATES,
  type JobRecord,
  type JobState,
  type StateCounts,
} from './job-record.js';
import type { JobStore, LoadResult } from './store.js';

/**
 * One state transition, atomically: only when the job is in one of the `from` states (and, when
 * given, still carries `requestId`). Moves the id between the per-state sorted sets, deletes
 * the listed fields and sets the given ones.
 * KEYS: job hash, key prefix. ARGV: id, from (comma list), requestId or '', to, incr creates
 * ('1'/'0'), fields to delete (comma list), then field/value pairs.
 */
const TRANSITION = `
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 0 end
local allowed = false
for s in string.gmatch(ARGV[2], '[^,]+') do if s == state then allowed = true end end
if not allowed then return 0 end
if ARGV[3] ~= '' and redis.call('HGET', KEYS[1], 'requestId') ~= ARGV[3] then return 0 end
for f in string.gmatch(ARGV[6], '[^,]+') do redis.call('HDEL', KEYS[1], f) end
redis.call('HSET', KEYS[1], 'state', ARGV[4], unpack(ARGV, 7))
if ARGV[5] == '1' then redis.call('HINCRBY', KEYS[1], 'creates', 1) end
if ARGV[4] ~= state then
  redis.call('ZREM', KEYS[2] .. 'state:' .. state, ARGV[1])
  redis.call('ZADD', KEYS[2] .. 'state:' .. ARGV[4], 0, ARGV[1])
end
return 1
`;

/** Adds a job as `queued` unless known; 1 added, 2 known and changed, 0 known. KEYS: hash, prefix. */
const LOAD = `
local existing = redis.call('HMGET', KEYS[1], 'payload', 'operation')
if existing[1] then
  if existing[1] ~= ARGV[4] or existing[2] ~= ARGV[3] then return 2 end
  return 0
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'line', ARGV[2], 'operation', ARGV[3], 'payload', ARGV[4], 'state', 'queued', 'creates', 0, 'updatedAt', ARGV[5])
redis.call('ZADD', KEYS[2] .. 'state:queued', 0, ARGV[1])
redis.call('ZADD', KEYS[2] .. 'ids', 0, ARGV[1])
return 1
`;

interface Commands {
  tvsTransition(hash: string, prefix: string, ...args: string[]): Promise<number>;
  tvsLoad(hash: string, prefix: string, ...args: string[]): Promise<number>;
}

function toRecord(fields: Record<string, string>): JobRecord | undefined {
  if (!fields['id']) return undefined;
  const num = (name: string) =>
    fields[name] === undefined || fields[name] === '' ? undefined : Number(fields[name]);
  const code = fields['failCode'];
  return {
    id: fields['id'],
    line: Number(fields['line']),
    operation: fields['operation'] as BatchOperation,
    payload: JSON.parse(fields['payload'] ?? '{}'),
    state: fields['state'] as JobState,
    requestId: fields['requestId'] || undefined,
    taskId: fields['taskId'] || undefined,
    progress: num('progress'),
    queuePosition: num('queuePosition'),
    files: fields['files'] ? JSON.parse(fields['files']) : undefined,
    durationMs: num('durationMs'),
    failCode:
      code === undefined || code === '' ? undefined : /^-?\d+$/.test(code) ? Number(code) : code,
    explanation: fields['explanation'] || undefined,
    creates: Number(fields['creates'] ?? 0),
    updatedAt: Number(fields['updatedAt'] ?? 0),
  };
}

/** The Redis store, with the connection it owns. */
export interface RedisJobStore extends JobStore {
  readonly kind: 'redis';
  /** The key prefix: `tvs-batch:{<queue>}:` (one hash slot per queue). */
  readonly prefix: string;
}

/**
 * Opens the job store of queue `queue` on the Redis at `url`: one hash per job and a sorted set
 * per state, every transition one Lua script (atomic on the server), so workers on any number of
 * machines see the same states under the same rule. Needs the optional `ioredis` package.
 *
 * @example
 * ```ts
 * const store = await openRedisStore('redis://127.0.0.1:6379', 'campaign');
 * console.log(await store.counts());
 * await store.close();
 * ```
 */
export async function openRedisStore(url: string, queue: string): Promise<RedisJobStore> {
  const { Redis } = await loadQueueModules();
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true }) as Redis &
    Commands;
  await redis.connect();
  redis.defineCommand('tvsTransition', { numberOfKeys: 2, lua: TRANSITION });
  redis.defineCommand('tvsLoad', { numberOfKeys: 2, lua: LOAD });
  const prefix = `tvs-batch:{${queue}}:`;
  const hash = (id: string) => `${prefix}job:${id}`;
  const now = () => String(Date.now());

  const move = async (
    id: string,
    from: readonly JobState[],
    to: JobState,
    options: {
      requestId?: string | undefined;
      creates?: boolean;
      clear?: string[];
      set?: Record<string, string | number>;
    } = {},
  ): Promise<boolean> => {
    const pairs = Object.entries({ ...options.set, updatedAt: now() }).flatMap(([k, v]) => [
      k,
      String(v),
    ]);
    const result = await redis.tvsTransition(
      hash(id),
      prefix,
      id,
      from.join(','),
      options.requestId ?? '',
      to,
      options.creates ? '1' : '0',
      (options.clear ?? []).join(','),
      ...pairs,
    );
    return result === 1;
  };

  const store: RedisJobStore = {
    kind: 'redis',
    prefix,
    location: `${url.replace(/\/\/[^@/]*@/, '//')} queue ${queue}`,
    async load(jobs: readonly JobSpec[]): Promise<LoadResult> {
      let added = 0;
      const changed: string[] = [];
      for (let at = 0; at < jobs.length; at += 500) {
        const page = jobs.slice(at, at + 500);
        const pipeline = redis.pipeline() as unknown as Commands & {
          exec(): Promise<Array<[Error | null, unknown]>>;
        };
        for (const job of page) {
          pipeline.tvsLoad(
            hash(job.id),
            prefix,
            job.id,
            String(job.line),
            job.operation,
            JSON.stringify(job.payload),
            now(),
          );
        }
        const results = await pipeline.exec();
        results.forEach(([error, value], i) => {
          if (error) throw error;
          if (value === 1) added++;
          else if (value === 2) changed.push(page[i]!.id);
        });
      }
      return { added, known: jobs.length - added, changed };
    },
    async get(id) {
      return toRecord(await redis.hgetall(hash(id)));
    },
    claim: (id, requestId) =>
      move(id, ['queued'], 'submitting', { creates: true, set: { requestId } }),
    recordTask: (id, requestId, taskId) =>
      move(id, ['submitting', 'ambiguous'], 'submitted', {
        requestId,
        set: { taskId, progress: 0 },
      }),
    release: (id, requestId) => move(id, ['submitting'], 'queued', { requestId }),
    markAmbiguous: (id, requestId) => move(id, ['submitting'], 'ambiguous', { requestId }),
    async recordProgress(id, progress, queuePosition) {
      await move(id, ['submitted', 'rendering'], 'rendering', { set: { progress, queuePosition } });
    },
    async markDownloaded(id, result: DownloadedResult) {
      await move(id, ['submitted', 'rendering'], 'downloaded', {
        set: {
          progress: 100,
          queuePosition: 0,
          files: JSON.stringify(result.files),
          ...(result.durationMs === undefined ? {} : { durationMs: result.durationMs }),
        },
      });
    },
    async markFailed(id, failure: FailureInfo) {
      await move(
        id,
        JOB_STATES.filter((s) => s !== 'downloaded' && s !== 'failed'),
        'failed',
        {
          set: {
            failCode: failure.code === undefined ? '' : String(failure.code),
            explanation: failure.explanation,
          },
        },
      );
    },
    async requeue(state) {
      const ids = await redis.zrange(`${prefix}state:${state}`, 0, -1);
      const moved: string[] = [];
      for (const id of ids) {
        const clear = ['taskId', 'failCode', 'explanation', 'progress', 'queuePosition'];
        if (await move(id, [state], 'queued', { clear })) moved.push(id);
      }
      return moved;
    },
    async counts(): Promise<StateCounts> {
      const counts = emptyCounts();
      const pipeline = redis.pipeline();
      for (const state of JOB_STATES) pipeline.zcard(`${prefix}state:${state}`);
      const results = (await pipeline.exec()) ?? [];
      JOB_STATES.forEach((state, i) => {
        counts[state] = Number(results[i]?.[1] ?? 0);
      });
      return counts;
    },
    async list(options = {}) {
      const limit = options.limit ?? 1_000_000;
      const start = options.after === undefined ? '-' : `(${options.after}`;
      const sets = options.states
        ? options.states.map((s) => `${prefix}state:${s}`)
        : [`${prefix}ids`];
      const ids = (
        await Promise.all(sets.map((key) => redis.zrangebylex(key, start, '+', 'LIMIT', 0, limit)))
      )
        .flat()
        .sort()
        .slice(0, limit);
      if (ids.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(hash(id));
      const rows = (await pipeline.exec()) ?? [];
      return rows
        .map(([, fields]) => toRecord(fields as Record<string, string>))
        .filter((r): r is JobRecord => r !== undefined);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
  return store;
}
