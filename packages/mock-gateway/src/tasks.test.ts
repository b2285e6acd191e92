import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler.js';
import { createTaskEngine, type TaskInput } from './tasks.js';

const input = (taskId: string, renderMs: number): TaskInput => ({
  taskId,
  appkey: 'a',
  operation: '/v2/ivh/videomaker/broadcastservice/videomake',
  lane: 'video',
  text: 'hi',
  plan: { sentences: [], durationMs: 1000, words: 1 },
  renderMs,
  format: 'mp4',
  sampleRate: 16000,
  subtitles: false,
  origin: 'http://127.0.0.1',
  requestId: 'r',
  outcome: null,
});

describe('task engine retention', () => {
  it('forgets finished tasks once their retention has passed, oldest end first, and keeps running ones', () => {
    let now = 0;
    const scheduler = createScheduler({ now: () => now, real: false });
    const engine = createTaskEngine({
      scheduler,
      now: () => now,
      concurrency: 4,
      onEnded: () => {},
      retentionMs: 100,
    });
    engine.submit(input('short', 10));
    engine.submit(input('long', 50));
    engine.submit(input('endless', 10_000));
    now = 60;
    scheduler.settle();
    expect(engine.list().map((t) => t.taskId)).toEqual(['short', 'long', 'endless']);
    now = 120; // short ended at 10: past 110
    scheduler.settle();
    expect(engine.list().map((t) => t.taskId)).toEqual(['long', 'endless']);
    now = 151;
    scheduler.settle();
    expect(engine.list().map((t) => t.taskId)).toEqual(['endless']);
    expect(engine.find('endless')?.status).toBe('MAKING');
    expect(engine.find('short')).toBeUndefined();
  });

  it('keeps at most maxTasks, dropping the oldest finished first', () => {
    let now = 0;
    const scheduler = createScheduler({ now: () => now, real: false });
    const engine = createTaskEngine({
      scheduler,
      now: () => now,
      concurrency: 10,
      onEnded: () => {},
      maxTasks: 2,
    });
    engine.submit(input('a', 1));
    engine.submit(input('b', 1_000));
    now = 5;
    engine.submit(input('c', 1));
    expect(engine.list().map((t) => t.taskId)).toEqual(['b', 'c']);
  });
});
