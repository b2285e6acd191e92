import { readTaskProgress, type TvsClient, TvsTaskFailedError } from '@tvs/client';
import type { BatchEvent } from '../events.js';
import type { FileRecord, JobRecord, JobState } from '../state/job-record.js';
import type { JobStore } from '../state/store.js';
import { DownloadError, downloadFile, extensionOf } from './download.js';
import type { Pacer } from './pacer.js';
import type { QueueGate } from './queue-gate.js';
import { sleep } from './sleep.js';
import { type SubmitContext, submitJob } from './submit.js';
import type { TaskTracker, TrackResult, VideoProgress } from './task-tracker.js';

/** What running one job needs: the stores, the shared task tracker, pacer and gate. */
export interface JobContext extends SubmitContext {
  readonly client: Pick<TvsClient, 'video'>;
  readonly tracker: TaskTracker;
  readonly gate: QueueGate;
  readonly pacer: Pacer;
  readonly store: JobStore;
  /** Where results go: `<outDir>/<id>.<ext>`. */
  readonly outDir: string;
  /** Aborted: stop everything now (downloads included). */
  readonly halt: AbortSignal;
  /** Task id → its job's id and current state, for progress reports. */
  readonly taskJobs: Map<string, { id: string; state: JobState }>;
  readonly counters: {
    creates: number;
    throttles: number;
    downloadedBytes: number;
    downloaded: number;
  };
  readonly fetch?: typeof fetch | undefined;
  readonly now: () => number;
  readonly emit: (event: BatchEvent) => void;
}

/** Download attempts per file before the job is left `rendering` for a later run. */
const DOWNLOAD_ATTEMPTS = 3;

function formatOf(job: JobRecord): string {
  if (job.operation === 'video.tts') return String(job.payload['Codec'] ?? 'mp3');
  const param = job.payload['VideoParam'] as { Format?: unknown } | undefined;
  const fallback = job.operation === 'video.makeAdvanced' ? 'Mp4' : 'TransparentWebm';
  return String(param?.Format ?? fallback);
}

async function fetchWithRetries(
  ctx: JobContext,
  url: string,
  name: string,
  kind: FileRecord['kind'],
): Promise<FileRecord> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await downloadFile(url, ctx.outDir, name, kind, {
        signal: ctx.halt,
        fetch: ctx.fetch,
      });
    } catch (error) {
      if (ctx.halt.aborted || attempt >= DOWNLOAD_ATTEMPTS) throw error;
      await sleep(250 * 2 ** attempt, ctx.halt);
    }
  }
}

/** Writes the result files of a finished task: `<id>.<ext>` and, with subtitles, `<id>.srt`. */
async function download(
  ctx: JobContext,
  job: JobRecord,
  progress: VideoProgress,
): Promise<FileRecord[]> {
  const mediaUrl = typeof progress.MediaUrl === 'string' ? progress.MediaUrl : '';
  if (!mediaUrl) throw new DownloadError(`task ${job.taskId} succeeded without a MediaUrl`);
  const subtitles = typeof progress.SubtitlesUrl === 'string' ? progress.SubtitlesUrl : '';
  return Promise.all([
    fetchWithRetries(ctx, mediaUrl, `${job.id}.${extensionOf(mediaUrl, formatOf(job))}`, 'media'),
    ...(subtitles ? [fetchWithRetries(ctx, subtitles, `${job.id}.srt`, 'subtitles')] : []),
  ]);
}

/**
 * Takes one job as far as it goes: sends its create when `queued`, follows its task through the
 * shared task tracker, and downloads the results, recording each step. Returns the state it left
 * the job in. A download that keeps failing leaves the job `rendering` with its `TaskId`, for a
 * later run: a rendered video is never given up.
 */
export async function processJob(ctx: JobContext, record: JobRecord): Promise<JobState> {
  let job = record;
  let submittedAt: number | undefined;
  if (job.state === 'queued') {
    try {
      await ctx.gate.wait(ctx.stop);
    } catch {
      return 'queued';
    }
    let result: Awaited<ReturnType<typeof submitJob>>;
    try {
      result = await submitJob(ctx, job);
    } catch (error) {
      ctx.gate.cancel();
      throw error;
    }
    if (result.kind !== 'submitted') {
      ctx.gate.cancel();
      return result.kind === 'stopped' || result.kind === 'taken' ? 'queued' : result.kind;
    }
    submittedAt = ctx.now();
    job = { ...job, state: 'submitted', taskId: result.taskId, requestId: result.requestId };
    ctx.gate.created(result.taskId);
  }
  if ((job.state !== 'submitted' && job.state !== 'rendering') || !job.taskId) return job.state;
  const taskId = job.taskId;
  const live = { id: job.id, state: job.state };
  ctx.taskJobs.set(taskId, live);
  let tracked: TrackResult;
  try {
    tracked = await ctx.tracker.track(taskId, submittedAt);
  } finally {
    ctx.taskJobs.delete(taskId);
    ctx.gate.ended(taskId);
  }
  if (!tracked.ok) {
    if (tracked.explanation === 'stopped') return job.state;
    const failure = { code: tracked.code, explanation: tracked.explanation };
    await ctx.store.markFailed(job.id, failure);
    ctx.emit({ type: 'state', id: job.id, from: live.state, state: 'failed', taskId, ...failure });
    if (tracked.fatal) throw new Error(tracked.explanation);
    return 'failed';
  }
  const progress = tracked.progress;
  if (readTaskProgress(progress).phase === 'failed') {
    const error = new TvsTaskFailedError(taskId, progress);
    const failure = {
      code: error.failCode ?? error.code,
      explanation: error.failMessage
        ? `${error.failMessage}. ${error.explanation}`
        : error.explanation,
    };
    await ctx.store.markFailed(job.id, failure);
    ctx.emit({ type: 'state', id: job.id, from: live.state, state: 'failed', taskId, ...failure });
    return 'failed';
  }
  let files: FileRecord[];
  try {
    files = await download(ctx, job, progress);
  } catch (error) {
    if (ctx.halt.aborted) return 'rendering';
    ctx.emit({
      type: 'warning',
      message: `${job.id}: task ${taskId} rendered but its download failed (${(error as Error).message}); run again to retry`,
      ids: [job.id],
    });
    return 'rendering';
  }
  const durationMs = typeof progress.Duration === 'number' ? progress.Duration : undefined;
  await ctx.store.markDownloaded(job.id, { files, durationMs });
  ctx.counters.downloaded++;
  for (const file of files) ctx.counters.downloadedBytes += file.bytes;
  ctx.emit({ type: 'state', id: job.id, from: live.state, state: 'downloaded', taskId, files });
  return 'downloaded';
}

/** The tracker's progress reports, recorded and passed on. */
export function progressRecorder(ctx: Pick<JobContext, 'store' | 'gate' | 'taskJobs' | 'emit'>) {
  return (taskId: string, progress: VideoProgress): void => {
    const job = ctx.taskJobs.get(taskId);
    if (job === undefined) return;
    const { phase, percent, queuePosition } = readTaskProgress(progress);
    const value = percent ?? 0;
    ctx.gate.observed(taskId, phase, queuePosition);
    if (phase === 'success' || phase === 'failed') return;
    void ctx.store.recordProgress(job.id, value, queuePosition);
    ctx.emit({
      type: 'state',
      id: job.id,
      from: job.state,
      state: 'rendering',
      taskId,
      progress: value,
      queuePosition,
    });
    job.state = 'rendering';
  };
}
