import { delay } from './internal/delay.js';

/** Waits `ms`, or rejects with the signal's reason when it aborts first. @internal */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (!(await delay(ms, signal))) throw signal!.reason;
}
