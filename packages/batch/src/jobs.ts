/**
 * The create operations a batch line can name, as `@tvs/client` calls them: `video.make`
 * (`videomake`, https://cloud.tencent.com/document/product/1240/81268), `video.makeAdvanced`
 * (`videomakeadvanced`, https://www.tencentcloud.com/document/product/1211/62089) and
 * `video.tts` (`tts`, https://cloud.tencent.com/document/product/1240/81267).
 */
export type BatchOperation = 'video.make' | 'video.makeAdvanced' | 'video.tts';

/** Every {@link BatchOperation}.
 *
 * @example
 * ```ts
 * BATCH_OPERATIONS.includes('video.tts'); // true
 * ```
 */
export const BATCH_OPERATIONS: readonly BatchOperation[] = [
  'video.make',
  'video.makeAdvanced',
  'video.tts',
];

/** One validated line of the input: what to create, under a stable id. */
export interface JobSpec {
  /** The line's `id`: stable across runs, unique in the file, safe as a file name. */
  readonly id: string;
  /** The physical line of the input the job comes from (1-based). */
  readonly line: number;
  readonly operation: BatchOperation;
  /** The request payload of `operation`, sent as is (plus `CallbackUrl` when callbacks are on). */
  readonly payload: Readonly<Record<string, unknown>>;
}
