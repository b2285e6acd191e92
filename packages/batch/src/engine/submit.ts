import { randomUUID } from 'node:crypto';
import type { TvsClient } from '@tvs/client';
import type { BatchEvent } from '../events.js';
import type { JobRecord } from '../state/job-record.js';
import type { JobStore } from '../state/store.js';
import { classify, failureOf } from './classify.js';
import type { Pacer } from './pacer.js';

/** What a create attempt came to. */
export type SubmitResult =
  | { readonly kind: 'submitted'; readonly taskId: string; readonly requestId: string }
  | { readonly kind: 'ambiguous' | 'failed' | 'taken' | 'stopped' };

/** What {@link submitJob} needs. */
export interface SubmitContext {
  readonly store: JobStore;
  readonly client: Pick<TvsClient, 'video'>;
  readonly pacer: Pacer;
  /** Aborted: send no new create (one already sent still gets its answer recorded). */
  readonly stop: AbortSignal;
  /** The `CallbackUrl` to send with the job's create, if callbacks are on. */
  callbackUrl?: ((jobId: string, requestId: string) => string) | undefined;
  readonly emit: (event: BatchEvent) => void;
  /** Counts creates sent. */
  readonly counters: { creates: number; throttles: number };
}

/** A new `RequestID`: 32 lowercase hex, as the SDK makes them. */
export function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

function send(ctx: SubmitContext, job: JobRecord, requestId: string): Promise<{ TaskId: string }> {
  const payload = { ...job.payload };
  const callback = ctx.callbackUrl?.(job.id, requestId);
  if (callback) payload['CallbackUrl'] = callback;
  const options = { requestId };
  switch (job.operation) {
    case 'video.make':
      return ctx.client.video.make(payload as never, options);
    case 'video.makeAdvanced':
      return ctx.client.video.makeAdvanced(payload as never, options);
    case 'video.tts':
      return ctx.client.video.tts(payload as never, options);
  }
}

/**
 * Sends a queued job's create under the ambiguity rule: `submitting` (with the `RequestID`) is
 * recorded durably first, the `TaskId` durably right after the answer. A refusal before acting
 * (throttled, over concurrency, short of compute) puts the job back to `queued` and waits as the
 * {@link Pacer} says, as often as it takes; a create whose outcome is unknown makes the job
 * `ambiguous`; a refusal for good makes it `failed` with the code's explanation; refused
 * credentials put it back and throw. `taken` when another runner holds the job.
 */
export async function submitJob(ctx: SubmitContext, job: JobRecord): Promise<SubmitResult> {
  const { store, pacer } = ctx;
  for (;;) {
    let grantedAt: number;
    try {
      grantedAt = await pacer.acquire(ctx.stop);
    } catch {
      return { kind: 'stopped' };
    }
    if (ctx.stop.aborted) return { kind: 'stopped' };
    const requestId = newRequestId();
    if (!(await store.claim(job.id, requestId))) return { kind: 'taken' };
    ctx.emit({ type: 'state', id: job.id, from: 'queued', state: 'submitting', requestId });
    let created: { TaskId: string };
    try {
      ctx.counters.creates++;
      // No abort signal: once sent, a create is waited for, so its TaskId is not lost.
      created = await send(ctx, job, requestId);
    } catch (error) {
      const outcome = classify(error, false);
      if (outcome === 'fatal') {
        // The credentials were refused: nothing was done, and nothing will be until they are fixed.
        await store.release(job.id, requestId);
        ctx.emit({ type: 'state', id: job.id, from: 'submitting', state: 'queued', requestId });
        throw error;
      }
      if (outcome === 'busy') {
        await store.release(job.id, requestId);
        ctx.emit({ type: 'state', id: job.id, from: 'submitting', state: 'queued', requestId });
        ctx.counters.throttles++;
        const pauseMs = pacer.throttled(grantedAt);
        ctx.emit({
          type: 'throttled',
          id: job.id,
          reason: failureOf(error).explanation,
          pauseMs,
          rate: pacer.rate,
        });
        continue;
      }
      if (outcome === 'ambiguous') {
        await store.markAmbiguous(job.id, requestId);
        ctx.emit({
          type: 'state',
          id: job.id,
          from: 'submitting',
          state: 'ambiguous',
          requestId,
          explanation: failureOf(error).explanation,
        });
        return { kind: 'ambiguous' };
      }
      const failure = failureOf(error);
      await store.markFailed(job.id, failure);
      ctx.emit({
        type: 'state',
        id: job.id,
        from: 'submitting',
        state: 'failed',
        requestId,
        ...failure,
      });
      return { kind: 'failed' };
    }
    pacer.succeeded();
    if (!(await store.recordTask(job.id, requestId, created.TaskId))) {
      // Only a `--resubmit-ambiguous` elsewhere can have moved the job on meanwhile.
      ctx.emit({
        type: 'warning',
        message: `${job.id}: task ${created.TaskId} (RequestID ${requestId}) was created after the job had moved on; it is not tracked`,
        ids: [job.id],
      });
      return { kind: 'taken' };
    }
    ctx.emit({
      type: 'state',
      id: job.id,
      from: 'submitting',
      state: 'submitted',
      requestId,
      taskId: created.TaskId,
    });
    return { kind: 'submitted', taskId: created.TaskId, requestId };
  }
}
