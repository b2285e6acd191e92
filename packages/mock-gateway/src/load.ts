import type { MockTask } from './tasks.js';

/** The most tasks an appkey had at once, from {@link taskLoad}. */
export interface TaskLoad {
  /** Submitted and not yet ended (queued or rendering): what a client's concurrency limit bounds. */
  readonly peakOpen: number;
  /** Rendering (`MAKING`). */
  readonly peakRendering: number;
  /** Waiting in the queue (`COMMIT`). */
  readonly peakQueued: number;
}

/**
 * The peak load each appkey put on the render farm, from the tasks' submit, start and end
 * times (a sweep over the gateway clock): a witness for tests of clients that promise to keep
 * within a concurrency limit. Pass `gateway.tasks`; `since` (gateway ms) ignores what happened
 * before it.
 *
 * @example
 * ```ts
 * const load = taskLoad(gateway.tasks).get('demo-appkey');
 * expect(load?.peakOpen).toBeLessThanOrEqual(8);
 * ```
 */
export function taskLoad(
  tasks: readonly MockTask[],
  since = Number.NEGATIVE_INFINITY,
): Map<string, TaskLoad> {
  const result = new Map<string, TaskLoad>();
  const byAppkey = new Map<string, MockTask[]>();
  for (const task of tasks) {
    const list = byAppkey.get(task.appkey) ?? [];
    list.push(task);
    byAppkey.set(task.appkey, list);
  }
  for (const [appkey, list] of byAppkey) {
    result.set(appkey, {
      peakOpen: peak(
        list.map((t) => [t.submittedAt, t.endsAt]),
        since,
      ),
      peakRendering: peak(
        list.map((t) => [t.startedAt, t.endsAt]),
        since,
      ),
      peakQueued: peak(
        list.map((t) => [t.submittedAt, t.startedAt]),
        since,
      ),
    });
  }
  return result;
}

/** Most intervals `[from, to)` open at once (an open end runs on); only from `since` on. */
function peak(intervals: Array<[number | undefined, number | undefined]>, since: number): number {
  const events: Array<[number, number]> = [];
  for (const [from, to] of intervals) {
    if (from === undefined) continue;
    // Never open (started the moment it was submitted), or over before `since`.
    if (to !== undefined && (to <= from || to <= since)) continue;
    events.push([Math.max(from, since), 1]);
    if (to !== undefined) events.push([to, -1]);
  }
  // Ends before starts at the same instant: a slot freed and taken at once is not two.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, delta] of events) {
    open += delta;
    most = Math.max(most, open);
  }
  return most;
}
