import type { ClientResponse, TvsClient } from '@tvs/client';
import { classify, failureOf } from './classify.js';
import { MinHeap } from './min-heap.js';
import type { Pacer } from './pacer.js';
import { ema, nextPollDelay, type TaskObservation } from './poll-plan.js';

/** A `getprogress` answer. */
export type VideoProgress = ClientResponse<'video.progress'>;

/**
 * Where a task stands: `Status` when the gateway sends it. The page marks it required but its
 * example answers without it (1240/81270), so then `Progress` decides, as the client's `waitFor`
 * does: 100 done, −1 failed, otherwise queued while tasks wait ahead, else rendering.
 */
export function taskStatus(progress: VideoProgress): string {
  if (typeof progress.Status === 'string' && progress.Status !== '') return progress.Status;
  if (progress.Progress === 100) return 'SUCCESS';
  if (progress.Progress === -1) return 'FAIL';
  return typeof progress.ArrayCount === 'number' && progress.ArrayCount > 0 ? 'COMMIT' : 'MAKING';
}

/** Options of {@link PollScheduler}. */
export interface PollSchedulerOptions {
  readonly client: Pick<TvsClient, 'video'>;
  /** Shared with the creates: every call to the gateway goes through it. */
  readonly pacer: Pacer;
  /** Shortest wait between two polls of a task, ms. */
  readonly minIntervalMs: number;
  /** Longest wait between two polls of a task, ms. */
  readonly maxIntervalMs: number;
  /** Polls in flight at once (default 8). */
  readonly maxInFlight?: number | undefined;
  /** Each poll's answer, for the state store and the display. */
  readonly onProgress?: ((taskId: string, progress: VideoProgress) => void) | undefined;
  /** A poll was throttled; every call now waits `pauseMs`. */
  readonly onThrottle?: ((taskId: string, error: unknown, pauseMs: number) => void) | undefined;
  /** A poll failed and will be retried (not a throttle). */
  readonly onPollError?: ((taskId: string, error: unknown) => void) | undefined;
  readonly now?: (() => number) | undefined;
}

/** How tracking a task ended. */
export type TrackResult =
  | { readonly ok: true; readonly progress: VideoProgress }
  | {
      readonly ok: false;
      readonly progress?: VideoProgress;
      readonly code?: number | string;
      readonly explanation: string;
      readonly fatal?: boolean;
    };

interface Tracked {
  readonly taskId: string;
  readonly submittedAt: number | undefined;
  readonly resolve: (result: TrackResult) => void;
  last?: TaskObservation | undefined;
  risingFrom?: TaskObservation | undefined;
  unchanged: number;
  errors: number;
  /** Seen waiting in the gateway's queue at some point. */
  queued?: boolean;
  /** Key of its live heap entry; older entries are stale. */
  due: number;
}

/**
 * One poll scheduler for all of a run's tasks. Each task's next `getprogress` is planned by
 * {@link nextPollDelay} from its observed progress rate, its queue position and the run's
 * history, within `[minIntervalMs, maxIntervalMs]`; one timer serves them all and at most
 * `maxInFlight` polls run at once, each paced by the shared {@link Pacer}. Ten thousand
 * renders therefore cost about as many polls as they have completions, not ten thousand a
 * second. A callback (see {@link PollScheduler.hint}) pulls a task's next poll forward.
 */
export class PollScheduler {
  readonly #options: PollSchedulerOptions;
  readonly #now: () => number;
  readonly #heap = new MinHeap<Tracked>();
  readonly #tasks = new Map<string, Tracked>();
  readonly #controller = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #inFlight = 0;
  #typicalDuration: number | undefined;
  #completionGap: number | undefined;
  #lastCompletion: number | undefined;
  /** Polls sent. */
  polls = 0;
  /** Tasks that reached an end. */
  finished = 0;

  constructor(options: PollSchedulerOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Tasks being tracked. */
  get size(): number {
    return this.#tasks.size;
  }

  /**
   * Tracks `taskId` until it ends. Resolves (never rejects) with its final progress, or with why
   * it cannot be tracked. `submittedAt` (this scheduler's clock) when this run created it.
   */
  track(taskId: string, submittedAt?: number): Promise<TrackResult> {
    const existing = this.#tasks.get(taskId);
    if (existing) throw new Error(`task ${taskId} is already tracked`);
    if (this.#controller.signal.aborted)
      return Promise.resolve({ ok: false, explanation: 'stopped' });
    return new Promise((resolve) => {
      const task: Tracked = { taskId, submittedAt, resolve, unchanged: 0, errors: 0, due: 0 };
      this.#tasks.set(taskId, task);
      this.#schedule(task, this.#plan(task));
    });
  }

  /** Something (a callback) says the task changed: poll it now rather than when planned. */
  hint(taskId: string): void {
    const task = this.#tasks.get(taskId);
    if (task) this.#schedule(task, 0);
  }

  /** Stops polling; tasks still tracked resolve with `explanation: 'stopped'`. */
  stop(): void {
    this.#controller.abort(new Error('stopped'));
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    for (const task of this.#tasks.values()) task.resolve({ ok: false, explanation: 'stopped' });
    this.#tasks.clear();
  }

  #plan(task: Tracked): number {
    return nextPollDelay({
      now: this.#now(),
      submittedAt: task.submittedAt,
      last: task.last,
      risingFrom: task.risingFrom,
      unchanged: task.unchanged,
      typicalDurationMs: this.#typicalDuration,
      completionGapMs: this.#completionGap,
      minMs: this.#options.minIntervalMs,
      maxMs: this.#options.maxIntervalMs,
    });
  }

  #schedule(task: Tracked, delay: number): void {
    task.due = this.#now() + delay;
    this.#heap.push(task.due, task);
    this.#arm();
  }

  #arm(): void {
    const top = this.#heap.peek();
    if (!top || this.#controller.signal.aborted) return;
    if (this.#timer !== undefined && this.#timerAt <= top.key) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerAt = top.key;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.#pump();
      },
      Math.max(0, top.key - this.#now()),
    );
  }

  #pump(): void {
    const limit = this.#options.maxInFlight ?? 8;
    while (this.#inFlight < limit) {
      const top = this.#heap.peek();
      if (!top || top.key > this.#now()) break;
      this.#heap.pop();
      const task = top.value;
      // A stale entry (rescheduled since) or a task no longer tracked.
      if (task.due !== top.key || this.#tasks.get(task.taskId) !== task) continue;
      task.due = Number.NaN;
      this.#inFlight++;
      void this.#poll(task).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
    this.#arm();
  }

  async #poll(task: Tracked): Promise<void> {
    const { pacer } = this.#options;
    const signal = this.#controller.signal;
    let progress: VideoProgress;
    let grantedAt = Number.POSITIVE_INFINITY;
    try {
      grantedAt = await pacer.acquire(signal);
      this.polls++;
      progress = await this.#options.client.video.progress({ TaskId: task.taskId }, { signal });
    } catch (error) {
      if (signal.aborted) return;
      const outcome = classify(error, true);
      if (outcome === 'busy') {
        const pauseMs = pacer.throttled(grantedAt);
        this.#options.onThrottle?.(task.taskId, error, pauseMs);
        this.#schedule(task, pauseMs);
        return;
      }
      if (outcome === 'failed' || outcome === 'fatal') {
        this.#end(task, {
          ok: false,
          ...failureOf(error),
          ...(outcome === 'fatal' ? { fatal: true } : {}),
        });
        return;
      }
      task.errors++;
      this.#options.onPollError?.(task.taskId, error);
      this.#schedule(
        task,
        Math.min(
          this.#options.maxIntervalMs,
          this.#options.minIntervalMs * 2 ** Math.min(task.errors, 10),
        ),
      );
      return;
    }
    pacer.succeeded();
    task.errors = 0;
    if (this.#tasks.get(task.taskId) !== task) return;
    this.#options.onProgress?.(task.taskId, progress);
    const now = this.#now();
    const seen: TaskObservation = {
      at: now,
      status: taskStatus(progress),
      progress: typeof progress.Progress === 'number' ? progress.Progress : 0,
      queuePosition: typeof progress.ArrayCount === 'number' ? progress.ArrayCount : 0,
    };
    if (seen.status === 'SUCCESS' || seen.status === 'FAIL') {
      if (seen.status === 'SUCCESS') {
        if (task.submittedAt !== undefined) {
          // The task ended somewhere between the last poll that saw it running (or its
          // create) and this one: the middle of that span is the estimate's sample. Taking the
          // whole span would feed each poll's lateness back into the next plan.
          const lower = task.last ? task.last.at - task.submittedAt : 0;
          this.#typicalDuration = ema(
            this.#typicalDuration,
            (lower + (now - task.submittedAt)) / 2,
          );
        }
        if (this.#lastCompletion !== undefined)
          this.#completionGap = ema(this.#completionGap, now - this.#lastCompletion);
        this.#lastCompletion = now;
      }
      this.#end(task, { ok: true, progress });
      return;
    }
    const last = task.last;
    if (
      last &&
      last.status === seen.status &&
      last.progress === seen.progress &&
      last.queuePosition === seen.queuePosition
    ) {
      task.unchanged++;
    } else {
      task.unchanged = 0;
    }
    if (seen.status !== 'MAKING') {
      task.risingFrom = undefined;
      if (seen.status === 'COMMIT') task.queued = true;
    } else if (!task.risingFrom) {
      // Rendering at its first sight: unless it was seen queued, it has been rendering since
      // about its create, at 0 %, which gives a rate from this one poll.
      task.risingFrom =
        !task.queued && !last && task.submittedAt !== undefined
          ? { at: task.submittedAt, status: 'MAKING', progress: 0, queuePosition: 0 }
          : seen;
    }
    task.last = seen;
    this.#schedule(task, this.#plan(task));
  }

  #end(task: Tracked, result: TrackResult): void {
    this.#tasks.delete(task.taskId);
    this.finished++;
    task.resolve(result);
  }
}
