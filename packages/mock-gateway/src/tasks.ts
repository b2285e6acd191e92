import type { SpeechPlan } from './internal/speech.js';
import type { Scheduler } from './scheduler.js';

/** The queue a task waits in: makers share `video`, `tts` has its own, PPT videos run one at a time. */
export type TaskLane = 'video' | 'tts' | 'ppt';

/**
 * A mock task's status, in order: the closed set of the envelope's `VideoTaskStatus` that the
 * mock reports (`getprogress`'s `Status`; PPT progress reports leave it out).
 */
export type MockTaskStatus = 'COMMIT' | 'MAKING' | 'SUCCESS' | 'FAIL';

/** What the result file is. */
export type MediaFormat = 'mp4' | 'webm' | 'mov' | 'mp3' | 'wav';

/** How the task's one callback went. */
export interface CallbackDelivery {
  /** Gateway time of the attempt. */
  readonly at: number;
  /** HTTP status of the receiver's reply, or undefined when the POST failed. */
  readonly status?: number;
  /** Why the POST failed (network error), when it did. */
  readonly error?: string;
}

/** A production task as the gateway keeps it. Read-only for users; the engine updates it. */
export interface MockTask {
  readonly taskId: string;
  readonly appkey: string;
  /** The maker's path, e.g. `/v2/ivh/videomaker/broadcastservice/videomake`. */
  readonly operation: string;
  readonly lane: TaskLane;
  readonly status: MockTaskStatus;
  /** Gateway times (ms). */
  readonly submittedAt: number;
  readonly startedAt?: number;
  readonly endsAt?: number;
  /** The spoken text, SSML removed. */
  readonly text: string;
  readonly plan: SpeechPlan;
  /** Render time in gateway ms (after `renderSpeed`). */
  readonly renderMs: number;
  readonly format: MediaFormat;
  readonly sampleRate: 16000 | 24000;
  /** Whether the result has subtitles (`SubtitlesUrl`, `TextTimestampResult`). */
  readonly subtitles: boolean;
  readonly failCode?: number;
  readonly failMessage?: string;
  readonly callbackUrl?: string;
  readonly callback?: CallbackDelivery;
  /** Origin the task was submitted through; `MediaUrl` and `SubtitlesUrl` point there. */
  readonly origin: string;
  /** The RequestID of the submission. */
  readonly requestId: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type TaskState = Mutable<MockTask> & { outcome: { failCode: number; failMessage: string } | null };

/** What a maker hands to the engine. @internal */
export type TaskInput = Omit<
  MockTask,
  'status' | 'submittedAt' | 'startedAt' | 'endsAt' | 'failCode' | 'failMessage' | 'callback'
> & { readonly outcome: { failCode: number; failMessage: string } | null };

/** @internal */
export interface TaskEngineOptions {
  /** The gateway's event queue: task ends and forgetting run on it. */
  readonly scheduler: Scheduler;
  readonly now: () => number;
  readonly concurrency: number;
  /** Called for each task that has just ended (SUCCESS or FAIL), in end order. */
  readonly onEnded: (task: MockTask) => void;
  /** Finished tasks are forgotten this long after they end (default 7 days, as the gateway). */
  readonly retentionMs?: number;
  /** At most this many tasks are kept; the oldest finished go first. */
  readonly maxTasks?: number;
}

/** Time a task that fails review takes to fail, before `renderSpeed`. @internal */
export const REVIEW_MS = 1500;

interface Lane {
  readonly name: TaskLane;
  readonly queue: TaskState[];
  readonly running: TaskState[];
}

/**
 * The render farm: per appkey and lane, tasks wait in FIFO order behind `concurrency` running
 * ones (one for PPT), each renders for its `renderMs`, and the next starts the moment one ends.
 * Every end is an event of the gateway's queue, so the outcome depends only on the times of the
 * calls, never on timers.
 * @internal
 */
export function createTaskEngine(options: TaskEngineOptions) {
  const { scheduler } = options;
  const tasks = new Map<string, TaskState>();
  const lanes = new Map<string, Lane>();
  const retention = options.retentionMs ?? 7 * 24 * 3600 * 1000;
  const maxTasks = options.maxTasks ?? 10_000;

  const laneOf = (appkey: string, name: TaskLane): Lane => {
    const key = `${appkey}\u0000${name}`;
    let found = lanes.get(key);
    if (!found) {
      found = { name, queue: [], running: [] };
      lanes.set(key, found);
    }
    return found;
  };
  const limit = (lane: Lane) => (lane.name === 'ppt' ? 1 : options.concurrency);

  function start(task: TaskState, lane: Lane, at: number): void {
    task.status = 'MAKING';
    task.startedAt = at;
    task.endsAt = at + (task.outcome ? Math.min(task.renderMs, REVIEW_MS) : task.renderMs);
    lane.running.push(task);
    scheduler.schedule(task.endsAt, () => end(task, lane), task);
  }

  function fill(lane: Lane, at: number): void {
    while (lane.running.length < limit(lane) && lane.queue.length > 0) {
      start(lane.queue.shift()!, lane, at);
    }
  }

  function end(task: TaskState, lane: Lane): void {
    lane.running.splice(lane.running.indexOf(task), 1);
    if (task.outcome) {
      task.status = 'FAIL';
      task.failCode = task.outcome.failCode;
      task.failMessage = task.outcome.failMessage;
    } else {
      task.status = 'SUCCESS';
    }
    fill(lane, task.endsAt!);
    // Kept `retention` ms after it ends, then forgotten (when it is still the task of its id).
    scheduler.schedule(task.endsAt! + retention + 1, () => {
      if (tasks.get(task.taskId) === task) tasks.delete(task.taskId);
    });
    options.onEnded(task);
  }

  /** Over `maxTasks`: the oldest finished tasks go first. */
  function trim(): void {
    if (tasks.size <= maxTasks) return;
    for (const [id, task] of tasks) {
      if (tasks.size <= maxTasks) break;
      if (isDone(task)) tasks.delete(id);
    }
  }

  return {
    submit(input: TaskInput): MockTask {
      scheduler.settle();
      const now = options.now();
      const task: TaskState = { ...input, status: 'COMMIT', submittedAt: now };
      const lane = laneOf(task.appkey, task.lane);
      lane.queue.push(task);
      tasks.set(task.taskId, task);
      fill(lane, now);
      trim();
      return task;
    },
    /** The appkey's task of this id. */
    get(appkey: string, taskId: string): MockTask | undefined {
      const task = tasks.get(taskId);
      return task && task.appkey === appkey ? task : undefined;
    },
    /** Any appkey's task by id (result URLs are unsigned, as storage URLs are). */
    find(taskId: string): MockTask | undefined {
      return tasks.get(taskId);
    },
    /** Tasks queued ahead of this one in its lane (0 once it renders). */
    queuedAhead(task: MockTask): number {
      if (task.status !== 'COMMIT') return 0;
      return Math.max(0, laneOf(task.appkey, task.lane).queue.indexOf(task as TaskState));
    },
    /** Whether the appkey has a task of this lane waiting or rendering. */
    busy(appkey: string, lane: TaskLane): boolean {
      const found = laneOf(appkey, lane);
      return found.queue.length + found.running.length > 0;
    },
    record(task: MockTask, callback: CallbackDelivery): void {
      (task as TaskState).callback = callback;
    },
    list(): MockTask[] {
      return [...tasks.values()];
    },
    /** Forgets every task (the caller resets the event queue). */
    reset(): void {
      tasks.clear();
      lanes.clear();
    },
  };
}

/** @internal */
export type TaskEngine = ReturnType<typeof createTaskEngine>;

function isDone(task: MockTask): boolean {
  return task.status === 'SUCCESS' || task.status === 'FAIL';
}

/** `Progress` as `getprogress` reports it: 0 queued, 1–99 rising while rendering, 100 done, −1 failed. */
export function progressOf(task: MockTask, now: number): number {
  switch (task.status) {
    case 'COMMIT':
      return 0;
    case 'MAKING': {
      const span = Math.max(1, task.endsAt! - task.startedAt!);
      return Math.min(99, Math.max(1, Math.floor(((now - task.startedAt!) / span) * 100)));
    }
    case 'SUCCESS':
      return 100;
    case 'FAIL':
      return -1;
  }
}
