import type { JobContext } from '../engine/process-job.js';
import type { JobRecord } from '../state/job-record.js';
import { type CallbackReceiver, startCallbackReceiver } from './receiver.js';

/** Callback settings of a run. */
export interface CallbackOptions {
  /** The public URL the gateway POSTs task results to (`CallbackUrl`). */
  callbackUrl?: string | undefined;
  /** Where the receiver listens (default: the public URL's port, all interfaces). */
  callbackListen?: { host?: string | undefined; port: number } | undefined;
}

/**
 * Starts the callback receiver of a run, when one is asked for, and connects it: a callback for
 * a task being followed makes the task tracker poll it at once (the poll, not the unsigned callback,
 * decides); a callback naming an `ambiguous` job by its `RequestID` records the `TaskId` it
 * reports, which resolves the ambiguity, and hands the job to `resume`.
 */
export async function connectCallbacks(
  options: CallbackOptions,
  ctx: JobContext,
  resume: (job: JobRecord) => void,
): Promise<CallbackReceiver | undefined> {
  if (!options.callbackUrl) return undefined;
  const receiver = await startCallbackReceiver({
    publicUrl: options.callbackUrl,
    listen: options.callbackListen,
    onCallback(callback, origin) {
      if (ctx.taskJobs.has(callback.TaskId)) {
        ctx.tracker.hint(callback.TaskId);
        return;
      }
      const { jobId, requestId } = origin;
      if (!jobId || !requestId) return;
      void (async () => {
        const job = await ctx.store.get(jobId);
        if (job?.state !== 'ambiguous' || job.requestId !== requestId) return;
        if (!(await ctx.store.recordTask(jobId, requestId, callback.TaskId))) return;
        ctx.emit({
          type: 'state',
          id: jobId,
          from: 'ambiguous',
          state: 'submitted',
          requestId,
          taskId: callback.TaskId,
        });
        ctx.emit({
          type: 'warning',
          message: `${jobId}: its callback named task ${callback.TaskId}: no longer ambiguous`,
          ids: [jobId],
        });
        if (!ctx.stop.aborted) resume({ ...job, state: 'submitted', taskId: callback.TaskId });
      })().catch((error) =>
        ctx.emit({
          type: 'warning',
          message: `callback for ${jobId}: ${(error as Error).message}`,
        }),
      );
    },
  });
  ctx.callbackUrl = (jobId, requestId) => receiver.urlFor(jobId, requestId);
  return receiver;
}
