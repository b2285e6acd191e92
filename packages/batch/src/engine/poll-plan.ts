/** What one poll of a task said. */
export interface TaskObservation {
  /** When (ms, the scheduler's clock). */
  readonly at: number;
  /** `COMMIT`, `MAKING`, `SUCCESS` or `FAIL`. */
  readonly status: string;
  /** `Progress`, 0–100. */
  readonly progress: number;
  /** `ArrayCount`: tasks queued ahead. */
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
 * nextPollDelay({ now: 10_000, last: { at: 10_000, status: 'MAKING', progress: 50, queuePosition: 0 },
 *   risingFrom: { at: 5_000, status: 'MAKING', progress: 25, queuePosition: 0 }, unchanged: 0,
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
  if (last.status === 'COMMIT') {
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
