import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { BatchUsageError } from '../errors.js';
import type { BatchOperation, JobSpec } from '../jobs.js';
import {
  type DownloadedResult,
  emptyCounts,
  type FailureInfo,
  type JobRecord,
  type JobState,
  type StateCounts,
} from './job-record.js';
import type { JobStore, LoadResult } from './store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  line INTEGER NOT NULL,
  operation TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  request_id TEXT,
  task_id TEXT,
  progress INTEGER,
  queue_position INTEGER,
  files TEXT,
  duration_ms INTEGER,
  fail_code TEXT,
  explanation TEXT,
  creates INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
`;

interface Row {
  id: string;
  line: number;
  operation: string;
  payload: string;
  state: string;
  request_id: string | null;
  task_id: string | null;
  progress: number | null;
  queue_position: number | null;
  files: string | null;
  duration_ms: number | null;
  fail_code: string | null;
  explanation: string | null;
  creates: number;
  updated_at: number;
}

function toRecord(row: Row): JobRecord {
  const code = row.fail_code;
  return {
    id: row.id,
    line: row.line,
    operation: row.operation as BatchOperation,
    payload: JSON.parse(row.payload),
    state: row.state as JobState,
    requestId: row.request_id ?? undefined,
    taskId: row.task_id ?? undefined,
    progress: row.progress ?? undefined,
    queuePosition: row.queue_position ?? undefined,
    files: row.files ? JSON.parse(row.files) : undefined,
    durationMs: row.duration_ms ?? undefined,
    failCode: code === null ? undefined : /^-?\d+$/.test(code) ? Number(code) : code,
    explanation: row.explanation ?? undefined,
    creates: row.creates,
    updatedAt: row.updated_at,
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * Take the run lock: refuse to open while another live process on this machine holds it
   * (default `true`). Read-only uses (`status`, `manifest`) pass `false`.
   */
  lock?: boolean | undefined;
}

/** The embedded store: one SQLite file in WAL mode, through `node:sqlite`. */
export interface SqliteJobStore extends JobStore {
  readonly kind: 'sqlite';
  readonly path: string;
  /**
   * After a crash: every job left `submitting` becomes `ambiguous` (its create may have been
   * sent and its `TaskId` was never recorded). Returns their ids. Only safe with the run lock.
   */
  recoverInterrupted(): Promise<string[]>;
}

/**
 * Opens (creating if needed) the embedded job store at `path`: SQLite in WAL mode through
 * `node:sqlite` (Node ≥ 22.13, no compiler, no server). The writes that the ambiguity rule rests
 * on (`claim`, `recordTask`) are made with `synchronous=FULL`, so they survive a power cut before
 * the create is sent (those made at the same moment share one commit); the others with
 * `NORMAL`, which survives a crash of the process.
 *
 * @example
 * ```ts
 * const store = await openSqliteStore('jobs.csv.tvs-batch.db');
 * console.log(await store.counts());
 * await store.close();
 * ```
 */
export async function openSqliteStore(
  path: string,
  options: SqliteStoreOptions = {},
): Promise<SqliteJobStore> {
  const db = new DatabaseSync(path, { timeout: 5_000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  db.exec(SCHEMA);
  // Who holds the run lock: host, process and this open (two runs in one process collide too).
  const me = `${hostname()}\t${process.pid}\t${randomUUID()}`;
  const lock = options.lock ?? true;
  if (lock) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const holder = db.prepare("SELECT value FROM meta WHERE key = 'runner'").get() as
        | { value: string }
        | undefined;
      if (holder && holder.value !== me) {
        const [host, pid] = holder.value.split('\t');
        if (host === hostname() && alive(Number(pid))) {
          throw new BatchUsageError(
            `${path} is in use by another tvs-batch run (process ${pid}); wait for it or stop it first`,
          );
        }
      }
      db.prepare(
        "INSERT INTO meta (key, value) VALUES ('runner', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(me);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      db.close();
      throw error;
    }
  }

  const statement = (sql: string) => db.prepare(sql);
  const now = () => Date.now();
  const getRow = statement('SELECT * FROM jobs WHERE id = ?');
  const insert = statement(
    "INSERT INTO jobs (id, line, operation, payload, state, updated_at) VALUES (?, ?, ?, ?, 'queued', ?) ON CONFLICT (id) DO NOTHING",
  );
  const claim = statement(
    "UPDATE jobs SET state = 'submitting', request_id = ?, creates = creates + 1, updated_at = ? WHERE id = ? AND state = 'queued'",
  );
  const recordTask = statement(
    "UPDATE jobs SET state = 'submitted', task_id = ?, progress = 0, updated_at = ? WHERE id = ? AND request_id = ? AND state IN ('submitting', 'ambiguous')",
  );
  const release = statement(
    "UPDATE jobs SET state = 'queued', updated_at = ? WHERE id = ? AND request_id = ? AND state = 'submitting'",
  );
  const ambiguousOne = statement(
    "UPDATE jobs SET state = 'ambiguous', updated_at = ? WHERE id = ? AND state = 'submitting' AND (? IS NULL OR request_id = ?)",
  );
  const progress = statement(
    "UPDATE jobs SET state = 'rendering', progress = ?, queue_position = ?, updated_at = ? WHERE id = ? AND state IN ('submitted', 'rendering')",
  );
  const downloaded = statement(
    "UPDATE jobs SET state = 'downloaded', progress = 100, queue_position = 0, files = ?, duration_ms = ?, updated_at = ? WHERE id = ? AND state IN ('submitted', 'rendering')",
  );
  const failed = statement(
    "UPDATE jobs SET state = 'failed', fail_code = ?, explanation = ?, updated_at = ? WHERE id = ? AND state <> 'downloaded'",
  );

  // Group commit: the writes the ambiguity rule rests on are made with `synchronous=FULL`, and
  // those asked for in the same turn of the event loop share one transaction and one sync.
  // Each caller still gets its answer only once its own write is on disk.
  let group: Array<{
    run: () => boolean;
    resolve: (ok: boolean) => void;
    reject: (error: unknown) => void;
  }> = [];
  const flush = () => {
    const ops = group;
    group = [];
    let results: boolean[];
    db.exec('PRAGMA synchronous = FULL');
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        results = ops.map((op) => op.run());
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      for (const op of ops) op.reject(error);
      return;
    } finally {
      db.exec('PRAGMA synchronous = NORMAL');
    }
    for (const [i, op] of ops.entries()) op.resolve(results[i]!);
  };
  const durably = (run: () => boolean): Promise<boolean> =>
    new Promise((resolve, reject) => {
      group.push({ run, resolve, reject });
      if (group.length === 1) setImmediate(flush);
    });

  const store: SqliteJobStore = {
    kind: 'sqlite',
    path,
    location: path,
    async load(jobs: readonly JobSpec[]): Promise<LoadResult> {
      let added = 0;
      const changed: string[] = [];
      db.exec('BEGIN');
      try {
        for (const job of jobs) {
          const payload = JSON.stringify(job.payload);
          const result = insert.run(job.id, job.line, job.operation, payload, now());
          if (Number(result.changes) > 0) {
            added++;
            continue;
          }
          const row = getRow.get(job.id) as unknown as Row;
          if (row.payload !== payload || row.operation !== job.operation) changed.push(job.id);
        }
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
      return { added, known: jobs.length - added, changed };
    },
    async get(id) {
      const row = getRow.get(id) as unknown as Row | undefined;
      return row && toRecord(row);
    },
    claim(id, requestId) {
      return durably(() => Number(claim.run(requestId, now(), id).changes) > 0);
    },
    recordTask(id, requestId, taskId) {
      return durably(() => Number(recordTask.run(taskId, now(), id, requestId).changes) > 0);
    },
    async release(id, requestId) {
      return Number(release.run(now(), id, requestId).changes) > 0;
    },
    async markAmbiguous(id, requestId) {
      const rid = requestId ?? null;
      return Number(ambiguousOne.run(now(), id, rid, rid).changes) > 0;
    },
    async recordProgress(id, value, queuePosition) {
      progress.run(value, queuePosition, now(), id);
    },
    async markDownloaded(id, result: DownloadedResult) {
      downloaded.run(JSON.stringify(result.files), result.durationMs ?? null, now(), id);
    },
    async markFailed(id, failure: FailureInfo) {
      const code = failure.code === undefined ? null : String(failure.code);
      failed.run(code, failure.explanation, now(), id);
    },
    async requeue(state) {
      const ids = (
        statement('SELECT id FROM jobs WHERE state = ? ORDER BY id').all(state) as Array<{
          id: string;
        }>
      ).map((r) => r.id);
      statement(
        "UPDATE jobs SET state = 'queued', task_id = NULL, fail_code = NULL, explanation = NULL, progress = NULL, queue_position = NULL, updated_at = ? WHERE state = ?",
      ).run(now(), state);
      return ids;
    },
    async recoverInterrupted() {
      const ids = (
        statement("SELECT id FROM jobs WHERE state = 'submitting' ORDER BY id").all() as Array<{
          id: string;
        }>
      ).map((r) => r.id);
      statement(
        "UPDATE jobs SET state = 'ambiguous', updated_at = ? WHERE state = 'submitting'",
      ).run(now());
      return ids;
    },
    async counts(): Promise<StateCounts> {
      const counts = emptyCounts();
      for (const row of statement(
        'SELECT state, COUNT(*) AS n FROM jobs GROUP BY state',
      ).all() as Array<{ state: JobState; n: number }>) {
        counts[row.state] = row.n;
      }
      return counts;
    },
    async list(options = {}) {
      const where: string[] = [];
      const params: SQLInputValue[] = [];
      if (options.states) {
        where.push(`state IN (${options.states.map(() => '?').join(', ')})`);
        params.push(...options.states);
      }
      if (options.after !== undefined) {
        where.push('id > ?');
        params.push(options.after);
      }
      const sql = `SELECT * FROM jobs${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
      params.push(options.limit ?? -1);
      return (statement(sql).all(...params) as unknown as Row[]).map(toRecord);
    },
    async close() {
      if (!db.isOpen) return;
      if (group.length > 0) flush();
      if (lock) statement("DELETE FROM meta WHERE key = 'runner' AND value = ?").run(me);
      db.close();
    },
  };
  return store;
}
