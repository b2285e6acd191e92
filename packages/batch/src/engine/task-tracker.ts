import {
  type ClientResponse,
  createPoller,
  type Poller,
  type PollHandle,
  type PollStep,
  type PollTarget,
  readTaskProgress,
  type TvsClient,
} from '@tvs/client';
import { classify, failureOf } from './classify.js';
import type { Pacer } from './pacer.js';
import { nextPollDelay, observe, RunHistory, type TaskHistory } from './poll-plan.js';

/** A `getprogress` answer. */
export type VideoProgress = ClientResponse<'video.progress'>;

/** Options of {@link TaskTracker}. */
export interface TaskTrackerOptions {
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

/** What one poll came back with: an answer, a wait before polling again, or an end. */
type PollOutcome =
  | { readonly kind: 'answer'; readonly progress: VideoProgress }
  | { readonly kind: 'retry'; readonly delayMs: number }
  | { readonly kind: 'end'; readonly result: TrackResult };

const STOPPED: TrackResult = { ok: false, explanation: 'stopped' };

/**
 * Follows all of a run's tasks on the client's one poller (`createPoller`): each task is a
 * target whose `poll` waits its turn at the shared {@link Pacer}, calls `getprogress` and sorts
 * a failure (throttled: wait out the pause; passing: back off; refused: end), and whose `next`
 * reads the answer with the client's `readTaskProgress` and plans the next poll with
 * {@link nextPollDelay} from the task's observed progress rate, its queue position and the
 * run's history, within `[minIntervalMs, maxIntervalMs]`. At most `maxInFlight` polls run at
 * once. Ten thousand renders therefore cost about as many polls as they have completions, not
 * ten thousand a second. A callback (see {@link TaskTracker.hint}) pulls a task's next poll
 * forward.
 */
export class TaskTracker {
  readonly #options: TaskTrackerOptions;
  readonly #now: () => number;
  readonly #poller: Poller;
  readonly #handles = new Map<string, PollHandle<TrackResult>>();
  #stopped = false;
  readonly #run = new RunHistory();
  /** Polls sent. */
  polls = 0;
  /** Tasks that reached an end. */
  finished = 0;

  constructor(options: TaskTrackerOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
    this.#poller = createPoller({ maxInFlight: options.maxInFlight ?? 8, now: this.#now });
  }

  /** Tasks being tracked. */
  get size(): number {
    return this.#handles.size;
  }

  /**
   * Tracks `taskId` until it ends. Resolves with its final progress, or with why it cannot be
   * tracked (`explanation: 'stopped'` after {@link stop}). `submittedAt` (this tracker's clock)
   * when this run created it.
   */
  async track(taskId: string, submittedAt?: number): Promise<TrackResult> {
    if (this.#handles.has(taskId)) throw new Error(`task ${taskId} is already tracked`);
    if (this.#stopped) return STOPPED;
    const task: TaskHistory = { submittedAt, unchanged: 0, queued: false };
    // No signal per task: thousands of listeners on one signal is what Node warns about as a
    // leak; `stop()` ends them all through the poller instead.
    const handle = this.#poller.track(this.#target(taskId, task), { delayMs: this.#plan(task) });
    this.#handles.set(taskId, handle);
    try {
      const result = await handle.done;
      this.finished++;
      return result;
    } catch (error) {
      // `poll` settles every failure of a call itself: only a stop, or a defect, lands here.
      if (this.#stopped) return STOPPED;
      throw error;
    } finally {
      this.#handles.delete(taskId);
    }
  }

  /** Something (a callback) says the task changed: poll it now rather than when planned. */
  hint(taskId: string): void {
    this.#handles.get(taskId)?.hint();
  }

  /** Stops polling for good; tasks still tracked resolve with `explanation: 'stopped'`. */
  stop(): void {
    this.#stopped = true;
    this.#poller.stop(new Error('stopped'));
  }

  #plan(task: TaskHistory): number {
    return nextPollDelay({
      now: this.#now(),
      submittedAt: task.submittedAt,
      last: task.last,
      risingFrom: task.risingFrom,
      unchanged: task.unchanged,
      typicalDurationMs: this.#run.typicalDurationMs,
      completionGapMs: this.#run.completionGapMs,
      minMs: this.#options.minIntervalMs,
      maxMs: this.#options.maxIntervalMs,
    });
  }

  #target(taskId: string, task: TaskHistory): PollTarget<PollOutcome, TrackResult> {
    const { client, pacer } = this.#options;
    /** Failed polls in a row that were not throttles. */
    let errors = 0;
    const poll = async (signal: AbortSignal): Promise<PollOutcome> => {
      let grantedAt = Number.POSITIVE_INFINITY;
      try {
        grantedAt = await pacer.acquire(signal);
        this.polls++;
        const progress = await client.video.progress({ TaskId: taskId }, { signal });
        pacer.succeeded();
        errors = 0;
        return { kind: 'answer', progress };
      } catch (error) {
        if (signal.aborted) throw error;
        const outcome = classify(error, true);
        if (outcome === 'busy') {
          const pauseMs = pacer.throttled(grantedAt);
          this.#options.onThrottle?.(taskId, error, pauseMs);
          return { kind: 'retry', delayMs: pauseMs };
        }
        if (outcome === 'failed' || outcome === 'fatal') {
          const result: TrackResult = {
            ok: false,
            ...failureOf(error),
            ...(outcome === 'fatal' ? { fatal: true } : {}),
          };
          return { kind: 'end', result };
        }
        errors++;
        this.#options.onPollError?.(taskId, error);
        const { minIntervalMs, maxIntervalMs } = this.#options;
        return {
          kind: 'retry',
          delayMs: Math.min(maxIntervalMs, minIntervalMs * 2 ** Math.min(errors, 10)),
        };
      }
    };
    const next = (outcome: PollOutcome): PollStep<TrackResult> => {
      if (outcome.kind === 'retry') return { done: false, delayMs: outcome.delayMs };
      if (outcome.kind === 'end') return { done: true, value: outcome.result };
      const { progress } = outcome;
      this.#options.onProgress?.(taskId, progress);
      const now = this.#now();
      const read = readTaskProgress(progress);
      if (read.phase === 'success' || read.phase === 'failed') {
        if (read.phase === 'success') this.#run.completed(task, now);
        return { done: true, value: { ok: true, progress } };
      }
      observe(task, {
        at: now,
        phase: read.phase,
        progress: read.percent ?? 0,
        queuePosition: read.queuePosition,
      });
      return { done: false, delayMs: this.#plan(task) };
    };
    return { poll, next };
  }
}
