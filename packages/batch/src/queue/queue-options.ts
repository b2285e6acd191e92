import { BatchUsageError } from '../errors.js';

/** Where a Redis-mode batch lives. */
export interface QueueLocation {
  /** `redis://[user:password@]host:port[/db]`. */
  redis: string;
  /** The BullMQ queue's name (default `tvs-batch`). */
  queue?: string | undefined;
}

/** The queue name, checked: BullMQ keys use it, and so does the state's key prefix. */
export function queueName(location: QueueLocation): string {
  const name = location.queue ?? 'tvs-batch';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
    throw new BatchUsageError(
      `queue must be 1–64 letters, digits, "_" or "-", got ${JSON.stringify(name)}`,
    );
  }
  return name;
}

/** The Redis URL, checked. */
export function redisUrl(location: QueueLocation): string {
  let url: URL;
  try {
    url = new URL(location.redis);
  } catch {
    throw new BatchUsageError(
      `--redis must be a redis:// URL, got ${JSON.stringify(location.redis)}`,
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new BatchUsageError(`--redis must be a redis:// or rediss:// URL, got ${url.protocol}`);
  }
  return location.redis;
}

/** BullMQ's key prefix for our queues (its default is `bull`). */
export const BULL_PREFIX = 'tvs-batch-bull';

/**
 * The BullMQ job id of a batch job. BullMQ refuses custom ids that are integers (a CSV's `id`
 * column is often 1, 2, 3…), so every id gets a prefix.
 */
export function bullJobId(id: string): string {
  return `job-${id}`;
}
