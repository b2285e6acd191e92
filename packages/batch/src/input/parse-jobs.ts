import { BatchInputError, type InputProblem } from '../errors.js';
import type { JobSpec } from '../jobs.js';
import { parseCsv } from './csv.js';
import { type JobDefaults, type LineResult, rawJob, textJob } from './job-fields.js';

/** Options of {@link parseJobs}. */
export interface ParseJobsOptions extends JobDefaults {
  /** `csv` or `jsonl`; by default from the file name (`.jsonl`, `.ndjson`), else from the content. */
  fileFormat?: 'csv' | 'jsonl' | undefined;
  /** Skip bad lines (reported in `skipped`) instead of failing the whole file. */
  skipInvalid?: boolean | undefined;
}

/** The jobs of a file, and the bad lines that were skipped (`skipInvalid` only). */
export interface ParsedJobs {
  readonly jobs: JobSpec[];
  readonly skipped: InputProblem[];
}

function detect(name: string, text: string): 'csv' | 'jsonl' {
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  if (/\.csv$/i.test(name)) return 'csv';
  return text
    .replace(/^\ufeff/, '')
    .trimStart()
    .startsWith('{')
    ? 'jsonl'
    : 'csv';
}

/** Problems with the file as a whole, which `skipInvalid` cannot skip. */
interface FileProblems {
  fatal: boolean;
}

function fromCsv(
  text: string,
  defaults: JobDefaults,
  problems: InputProblem[],
  file: FileProblems,
) {
  const { records, problems: syntax } = parseCsv(text);
  problems.push(...syntax);
  const header = records.shift();
  if (!header) {
    problems.push({
      line: 0,
      message: 'the file is empty: a header line with an id column is needed',
    });
    file.fatal = true;
    return [];
  }
  const names = header.cells.map((cell) => cell.trim());
  if (!names.includes('id')) {
    problems.push({
      line: header.line,
      message: `the header has no id column (columns: ${names.join(', ')})`,
    });
    file.fatal = true;
    return [];
  }
  return records.map((record): [number, LineResult] => {
    if (record.cells.length !== names.length) {
      return [
        record.line,
        {
          ok: false,
          message: `${record.cells.length} fields where the header has ${names.length}`,
        },
      ];
    }
    const fields: Record<string, string> = {};
    names.forEach((name, i) => {
      fields[name] = record.cells[i]!.trim();
    });
    return [record.line, textJob(fields, defaults)];
  });
}

function fromJsonl(text: string, defaults: JobDefaults) {
  const results: Array<[number, LineResult]> = [];
  text
    .replace(/^\ufeff/, '')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        results.push([index + 1, { ok: false, message: `not JSON: ${(error as Error).message}` }]);
        return;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        results.push([index + 1, { ok: false, message: 'a line must be a JSON object' }]);
        return;
      }
      const record = value as Record<string, unknown>;
      if ('payload' in record) {
        results.push([index + 1, rawJob(record, defaults)]);
        return;
      }
      const fields: Record<string, string> = {};
      for (const [key, field] of Object.entries(record)) {
        if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') {
          fields[key] = String(field);
        }
      }
      results.push([index + 1, textJob(fields, defaults)]);
    });
  return results;
}

/**
 * Parses and validates a whole input file: CSV with a header line (columns `id,text,avatar,voice`
 * and optionally `format`, `speed`, `operation` and any others for `{column}` templating), or
 * JSONL with one object a line (the same fields, or `{ id, operation, payload }` with a raw
 * payload for `video.make`, `video.makeAdvanced` or `video.tts`). Throws one
 * {@link BatchInputError} listing every bad line with its number, unless `skipInvalid`.
 *
 * @example
 * ```ts
 * const { jobs } = parseJobs('jobs.csv', 'id,text,avatar\nj1,Hello!,avatar-key\n');
 * jobs[0].payload; // { VirtualmanKey: 'avatar-key', InputSsml: 'Hello!', SpeechParam: { Speed: 1 } }
 * ```
 */
export function parseJobs(name: string, text: string, options: ParseJobsOptions = {}): ParsedJobs {
  const problems: InputProblem[] = [];
  const format = options.fileFormat ?? detect(name, text);
  const file: FileProblems = { fatal: false };
  const results =
    format === 'csv' ? fromCsv(text, options, problems, file) : fromJsonl(text, options);
  const jobs: JobSpec[] = [];
  const seen = new Map<string, number>();
  for (const [line, result] of results) {
    if (!result.ok) {
      problems.push({ line, message: result.message });
      continue;
    }
    const first = seen.get(result.id);
    if (first !== undefined) {
      problems.push({ line, message: `id ${result.id} is already used on line ${first}` });
      continue;
    }
    seen.set(result.id, line);
    jobs.push({ id: result.id, line, operation: result.operation, payload: result.payload });
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0 && (!options.skipInvalid || file.fatal))
    throw new BatchInputError(name, problems);
  if (jobs.length === 0 && problems.length === 0) {
    throw new BatchInputError(name, [{ line: 0, message: 'the file has no jobs' }]);
  }
  return { jobs, skipped: problems };
}
