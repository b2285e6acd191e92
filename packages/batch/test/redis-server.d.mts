/** A free loopback port. */
export function freePort(): Promise<number>;

/** A throwaway `redis-server` on a free loopback port, no persistence. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts `redis-server` on a free port; `stop()` shuts it down without saving. */
export function startRedis(): Promise<RedisServer>;
