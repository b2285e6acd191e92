/**
 * The body the gateway POSTs once to a task's `CallbackUrl` when it ends, as documented
 * (https://cloud.tencent.com/document/product/1240/81279, English
 * https://www.tencentcloud.com/document/product/1211/62096): `{"Payload": {…}}`, no `Header`.
 */
export interface TaskCallback {
  readonly TaskId: string;
  /** `SUCCESS` or `FAIL`. */
  readonly Status: 'SUCCESS' | 'FAIL';
  /** −1 failed, 100 succeeded ("reserved, not for reference" per the page). */
  readonly Progress?: number | undefined;
  readonly MediaUrl?: string | undefined;
  readonly SubtitlesUrl?: string | undefined;
  readonly FailMessage?: string | undefined;
}

/**
 * Reads a task callback body (a string or parsed JSON), leniently: a `Header` is allowed (the
 * docs show none), `TaskId` may be a number (some examples print one), unknown fields are
 * ignored. Returns `undefined` for anything that is not a task callback.
 *
 * @example
 * ```ts
 * readTaskCallback('{"Payload":{"TaskId":"t1","Status":"SUCCESS","MediaUrl":"https://…"}}')?.Status; // 'SUCCESS'
 * ```
 */
export function readTaskCallback(body: unknown): TaskCallback | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const payload = (value as { Payload?: unknown } | null)?.Payload;
  if (payload === null || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  const taskId = typeof p['TaskId'] === 'number' ? String(p['TaskId']) : p['TaskId'];
  if (typeof taskId !== 'string' || taskId === '') return undefined;
  if (p['Status'] !== 'SUCCESS' && p['Status'] !== 'FAIL') return undefined;
  const text = (name: string) => (typeof p[name] === 'string' ? (p[name] as string) : undefined);
  return {
    TaskId: taskId,
    Status: p['Status'],
    Progress: typeof p['Progress'] === 'number' ? p['Progress'] : undefined,
    MediaUrl: text('MediaUrl'),
    SubtitlesUrl: text('SubtitlesUrl'),
    FailMessage: text('FailMessage'),
  };
}
