import type { TaskPhase } from '@tvs/client';

/** What one poll of a task said, as the client's `readTaskProgress` reads it. */
export interface TaskObservation {
  /** When (ms, the runner's clock). */
  readonly at: number;
  /** `queued` (`COMMIT`), `running`, `success` or `failed`. */
  readonly phase: TaskPhase;
  /** `Progress`, 0–100 (0 when not given). */
  readonly progress: number;
  /** `ArrayCount`: tasks queued ahead, while queued. */
  readonly queuePosition: number;
}

/** Everything the next poll's time depends on. */
export interface PollPlanInput {
  readonly now: number;
  /** When the task was created, when this run created it. */
  readonly submittedAt?: number | undefined;
  /** The latest observation, if any. */
  readonly last?: TaskObservation | undefined;
  /** The earlier observation that `last`'s progress rose from (for the rate). */
  readonly risingFrom?: TaskObservation | undefined;
  /** Polls in a row that saw nothing change. */
  readonly unchanged: number;
  /** Typical create-to-done time of this run's finished tasks. */
  readonly typicalDurationMs?: number | undefined;
  /** Typical time between two of this run's tasks finishing (how fast a queue moves). */
  readonly completionGapMs?: number | undefined;
  readonly minMs: number;
  readonly maxMs: number;
}

/** Aim a little past the predicted end, so the poll that finds it done is usually the first. */
const MARGIN = 1.05;

/**
 * When to poll a task next, in ms from `now`: at its predicted end, clamped to `[minMs, maxMs]`.
 * - Queued (`COMMIT`, `ArrayCount` n): after n + 1 of this run's typical gaps between
 *   completions — the queue moves as fast as tasks finish.
 * - Rendering with a rising `Progress`: when the observed rate says it reaches 100.
 * - Otherwise, from the run's typical task duration; with no history, `minMs` doubling while
 *   nothing changes.
 *
 * @example
 * ```ts
 * import { nextPollDelay } from '@tvs/batch';
 *
 * nextPollDelay({ now: 10_000, last: { at: 10_000, phase: 'running', progress: 50, queuePosition: 0 },
 *   risingFrom: { at: 5_000, phase: 'running', progress: 25, queuePosition: 0 }, unchanged: 0,
 *   minMs: 1_000, maxMs: 60_000 }); // 10 500: 25 % per 5 s, 50 % to go
 * ```
 */
export function nextPollDelay(input: PollPlanInput): number {
  const { now, last, minMs, maxMs } = input;
  const clamp = (ms: number) => Math.min(maxMs, Math.max(minMs, Math.round(ms)));
  const backoff = () => clamp(minMs * 2 ** Math.min(input.unchanged, 20));
  if (!last) {
    if (input.typicalDurationMs !== undefined && input.submittedAt !== undefined) {
      return clamp(input.typicalDurationMs * MARGIN - (now - input.submittedAt));
    }
    return clamp(minMs);
  }
  if (last.phase === 'queued') {
    const ahead = Math.max(0, last.queuePosition) + 1;
    return input.completionGapMs !== undefined
      ? clamp(ahead * input.completionGapMs)
      : clamp(minMs * ahead);
  }
  const from = input.risingFrom;
  if (from && last.progress > from.progress && last.at > from.at) {
    const perMs = (last.progress - from.progress) / (last.at - from.at);
    return clamp(((100 - last.progress) / perMs) * MARGIN - (now - last.at));
  }
  if (input.typicalDurationMs !== undefined && input.unchanged === 0) {
    return clamp(input.typicalDurationMs * (1 - last.progress / 100) * MARGIN);
  }
  return backoff();
}

/** An exponential moving average (the first sample is taken as is). */
export function ema(previous: number | undefined, sample: number, weight = 0.2): number {
  return previous === undefined ? sample : previous + weight * (sample - previous);
}

/** A task's observations so far, which its next poll is planned from. @internal */
export interface TaskHistory {
  /** When this run created it (the runner's clock), if it did. */
  readonly submittedAt: number | undefined;
  last?: TaskObservation | undefined;
  risingFrom?: TaskObservation | undefined;
  /** Polls in a row that saw nothing change. */
  unchanged: number;
  /** Seen waiting in the gateway's queue at some point. */
  queued: boolean;
}

/** Records a poll of a task that has not ended. @internal */
export function observe(task: TaskHistory, seen: TaskObservation): void {
  const last = task.last;
  const same =
    last !== undefined &&
    last.phase === seen.phase &&
    last.progress === seen.progress &&
    last.queuePosition === seen.queuePosition;
  task.unchanged = same ? task.unchanged + 1 : 0;
  if (seen.phase !== 'running') {
    task.risingFrom = undefined;
    if (seen.phase === 'queued') task.queued = true;
  } else if (!task.risingFrom) {
    // Rendering at its first sight: unless it was seen queued, it has been rendering since
    // about its create, at 0 %, which gives a rate from this one poll.
    task.risingFrom =
      !task.queued && !last && task.submittedAt !== undefined
        ? { at: task.submittedAt, phase: 'running', progress: 0, queuePosition: 0 }
        : seen;
  }
  task.last = seen;
}

/** What a run's finished tasks say about the rest: how long a task takes, how fast they end. @internal */
export class RunHistory {
  /** Typical create-to-done time of this run's finished tasks. */
  typicalDurationMs: number | undefined;
  /** Typical time between two of this run's tasks finishing. */
  completionGapMs: number | undefined;
  #lastCompletion: number | undefined;

  /** `task` was seen done at `now`. */
  completed(task: TaskHistory, now: number): void {
    if (task.submittedAt !== undefined) {
      // The task ended somewhere between the last poll that saw it running (or its create) and
      // this one: the middle of that span is the estimate's sample. Taking the whole span would
      // feed each poll's lateness back into the next plan.
      const lower = task.last ? task.last.at - task.submittedAt : 0;
      this.typicalDurationMs = ema(this.typicalDurationMs, (lower + (now - task.submittedAt)) / 2);
    }
    if (this.#lastCompletion !== undefined)
      this.completionGapMs = ema(this.completionGapMs, now - this.#lastCompletion);
    this.#lastCompletion = now;
  }
}
