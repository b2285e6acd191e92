/** A buffered async iterator fed by `push`, ended by `end` (or failed by `fail`). @internal */
export interface MessageQueue<T> extends AsyncIterableIterator<T> {
  push(value: T): void;
  end(error?: unknown): void;
}

/** @internal */
export function createMessageQueue<T>(limit: number, onDone: () => void): MessageQueue<T> {
  const buffer: T[] = [];
  const waiting: Array<{ resolve(result: IteratorResult<T>): void; reject(error: unknown): void }> =
    [];
  let done = false;
  let failure: unknown;
  let failed = false;
  const finish = () => {
    if (!done) {
      done = true;
      onDone();
    }
    for (const waiter of waiting.splice(0)) {
      if (failed) waiter.reject(failure);
      else waiter.resolve({ value: undefined, done: true });
    }
  };
  const queue: MessageQueue<T> = {
    push(value) {
      if (done) return;
      const waiter = waiting.shift();
      if (waiter) waiter.resolve({ value, done: false });
      else {
        buffer.push(value);
        if (buffer.length > limit) buffer.shift();
      }
    },
    end(error) {
      if (done) return;
      if (error !== undefined) {
        failed = true;
        failure = error;
      }
      finish();
    },
    next() {
      if (buffer.length > 0) return Promise.resolve({ value: buffer.shift()!, done: false });
      if (done) {
        if (failed) {
          failed = false;
          return Promise.reject(failure);
        }
        return Promise.resolve({ value: undefined, done: true });
      }
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      buffer.length = 0;
      failed = false;
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}
