import { BatchUsageError } from '../errors.js';

type BullMQ = typeof import('bullmq');
type IORedisModule = typeof import('ioredis');

/**
 * Loads `bullmq` and `ioredis`, the optional peer dependencies of Redis mode, only when Redis
 * mode is used: the embedded mode never needs them. A clear error says what to install when
 * they are missing.
 */
export async function loadQueueModules(): Promise<{
  bullmq: BullMQ;
  Redis: IORedisModule['Redis'];
}> {
  const missing: string[] = [];
  const bullmq = await import('bullmq').catch(() => {
    missing.push('bullmq');
    return undefined;
  });
  const ioredis = await import('ioredis').catch(() => {
    missing.push('ioredis');
    return undefined;
  });
  if (!bullmq || !ioredis) {
    throw new BatchUsageError(
      `Redis mode needs ${missing.join(' and ')}, optional peer dependencies of @tvs/batch: npm install bullmq@^6.7.0 ioredis@^5.11.1`,
    );
  }
  return { bullmq, Redis: ioredis.Redis };
}
