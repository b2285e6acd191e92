/**
 * The gateway's HTTP host of each region (docs/protocol.md §1).
 *
 * @example
 * ```ts
 * import { createClient, HOSTS } from '@tvs/client';
 * const client = createClient({ baseUrl: HOSTS.sg }); // the same as region: 'sg'
 * ```
 */
export const HOSTS = {
  /** Mainland China, the default. */
  cn: 'https://gw.tvs.qq.com',
  /** International (Singapore). */
  sg: 'https://gw-sg.tvs.qq.com',
} as const;

/** A gateway region: `cn` (mainland, the default) or `sg` (international). */
export type Region = keyof typeof HOSTS;

/** @internal */
export function isRegion(value: unknown): value is Region {
  return value === 'cn' || value === 'sg';
}
