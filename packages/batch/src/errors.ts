/** One bad line of an input file. */
export interface InputProblem {
  /** The physical line (1-based); 0 for a problem with the file as a whole. */
  readonly line: number;
  readonly message: string;
}

/**
 * The input file has bad lines. Nothing was sent: a batch starts only once the whole file
 * validates (unless `skipInvalid` is set, which skips the bad lines instead).
 *
 * @example
 * ```ts
 * try {
 *   await runBatch({ input: 'jobs.csv', client });
 * } catch (error) {
 *   if (error instanceof BatchInputError) for (const p of error.problems) console.log(p.line, p.message);
 * }
 * ```
 */
export class BatchInputError extends Error {
  override name = 'BatchInputError';
  readonly file: string;
  readonly problems: readonly InputProblem[];

  constructor(file: string, problems: readonly InputProblem[]) {
    const shown = problems
      .slice(0, 20)
      .map((p) => (p.line > 0 ? `  line ${p.line}: ${p.message}` : `  ${p.message}`));
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super(
      `${file}: ${problems.length} invalid ${problems.length === 1 ? 'line' : 'lines'}; nothing was sent\n${[...shown, ...more].join('\n')}`,
    );
    this.file = file;
    this.problems = problems;
  }
}

/**
 * The batch cannot run as asked: its state is held by another live run, a Redis-mode package
 * is not installed, or an option is out of range.
 *
 * @example
 * ```ts
 * try {
 *   await runBatch({ input: 'jobs.csv', client });
 * } catch (error) {
 *   if (error instanceof BatchUsageError) console.error(error.message);
 * }
 * ```
 */
export class BatchUsageError extends Error {
  override name = 'BatchUsageError';
}
