/** One thing due at a gateway time: a task ending, a session becoming ready, a speech status. */
interface ScheduledEvent {
  readonly at: number;
  /** Events due at the same time run in the order they were scheduled. */
  readonly order: number;
  /** What the event belongs to (a drive, a task…), so that it can be cancelled with it. */
  readonly owner: object | undefined;
  readonly fire: () => void;
}

/** @internal */
export interface SchedulerDeps {
  /** Gateway time, ms. */
  readonly now: () => number;
  /**
   * Whether the gateway runs on the real clock: then a timer wakes the queue for its next event
   * (unref'd, so it never keeps a process alive). On a given clock, time only moves when the
   * caller's clock does or through `clock.advance`, and events run when something settles.
   */
  readonly real: boolean;
}

/**
 * The one virtual-time event queue of the gateway, shared by video tasks and interactive
 * sessions: events run in gateway-time order (then in the order they were scheduled), and only
 * when `settle()` observes that their time has come, so the outcome depends on the times of the
 * calls and never on timers. On the real clock a single timer is armed for the next event.
 * @internal
 */
export function createScheduler(deps: SchedulerDeps) {
  /** Sorted by `at`, then `order`. */
  let queue: ScheduledEvent[] = [];
  let order = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let settling = false;
  /** Gateway time of the event running now, while one runs. */
  let firing: number | undefined;

  function arm(): void {
    if (!deps.real || stopped || settling) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const next = queue[0];
    if (next === undefined) return;
    timer = setTimeout(settle, Math.max(0, next.at - deps.now()) + 1);
    (timer as { unref?: () => void }).unref?.();
  }

  /** Queues `fire` to run at gateway time `at`. */
  function schedule(at: number, fire: () => void, owner?: object): void {
    const event: ScheduledEvent = { at, order: order++, owner, fire };
    // Binary search for the first event due later than this one (equal times keep their order).
    let low = 0;
    let high = queue.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (queue[mid]!.at <= at) low = mid + 1;
      else high = mid;
    }
    queue.splice(low, 0, event);
    arm();
  }

  /** Runs every event due by now, in order; events they schedule run too when due. */
  function settle(): void {
    if (settling) return;
    settling = true;
    try {
      const now = deps.now();
      // A guard against an event that keeps rescheduling itself at the same instant.
      for (let guard = 0; guard < 1_000_000; guard++) {
        const next = queue[0];
        if (next === undefined || next.at > now) break;
        queue.shift();
        firing = next.at;
        try {
          next.fire();
        } finally {
          firing = undefined;
        }
      }
    } finally {
      settling = false;
    }
    arm();
  }

  return {
    schedule,
    settle,
    /** Drops every pending event of `owner`. */
    cancel(owner: object): void {
      queue = queue.filter((event) => event.owner !== owner);
      arm();
    },
    /**
     * Gateway time of what happens now: the time of the event running, which may be earlier
     * than the clock when a settle catches up, else the clock's time.
     */
    time(): number {
      return firing ?? deps.now();
    },
    /** Gateway time of the next event, if any. */
    nextAt(): number | undefined {
      return queue[0]?.at;
    },
    /** Forgets every pending event. */
    reset(): void {
      queue = [];
      arm();
    },
    /** Stops the real-clock timer for good (events still run when something settles). */
    stop(): void {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** @internal */
export type Scheduler = ReturnType<typeof createScheduler>;
