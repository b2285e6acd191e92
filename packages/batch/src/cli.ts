#!/usr/bin/env node
/**
 * `tvs-batch`: the command line of `@tvs/batch`. `run` (embedded SQLite state), `status`,
 * `manifest`, and Redis mode with `enqueue` and `worker`. See `tvs-batch --help`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ClientOptions } from '@tvs/client';
import {
  intOption,
  numberOption,
  operationOption,
  type ParsedArgs,
  parseCommandLine,
  stringOption,
  USAGE,
} from './cli/args.js';
import { Display } from './cli/display.js';
import { table } from './cli/format.js';
import { runBatch, storePathFor } from './engine/runner.js';
import { BatchInputError, BatchUsageError } from './errors.js';
import type { BatchSummary } from './events.js';
import type { ParseJobsOptions } from './input/parse-jobs.js';
import { writeManifest } from './manifest.js';
import { enqueueJobs } from './queue/enqueue.js';
import { runWorker } from './queue/worker.js';
import { JOB_STATES } from './state/job-record.js';
import { openRedisStore } from './state/redis-store.js';
import { openSqliteStore } from './state/sqlite-store.js';
import type { JobStore } from './state/store.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

function lineDefaults(values: ParsedArgs['values']): ParseJobsOptions {
  return {
    avatar: stringOption(values, 'avatar'),
    voice: stringOption(values, 'voice'),
    format: stringOption(values, 'format'),
    speed: numberOption(values, 'speed'),
    operation: operationOption(values),
    template: stringOption(values, 'template'),
    skipInvalid: values['skip-invalid'] === true,
  };
}

function clientOptions(values: ParsedArgs['values']): ClientOptions {
  const region = stringOption(values, 'region');
  if (region !== undefined && region !== 'cn' && region !== 'sg')
    throw new BatchUsageError('--region must be cn or sg');
  // The client reads TVS_APPKEY, TVS_ACCESS_TOKEN, TVS_REGION and TVS_BASE_URL itself: only the
  // flags, which win over the environment, are passed on.
  const baseUrl = stringOption(values, 'base-url');
  return {
    ...(baseUrl ? { baseUrl } : {}),
    ...(region ? { region } : {}),
  };
}

function callbackOptions(values: ParsedArgs['values']) {
  const listen = stringOption(values, 'callback-listen');
  if (listen !== undefined && !stringOption(values, 'callback-url'))
    throw new BatchUsageError('--callback-listen needs --callback-url');
  let parsed: { host?: string; port: number } | undefined;
  if (listen !== undefined) {
    const match = /^(?:(.*):)?(\d+)$/.exec(listen);
    if (!match) throw new BatchUsageError('--callback-listen must be PORT or HOST:PORT');
    parsed = { ...(match[1] ? { host: match[1] } : {}), port: Number(match[2]) };
  }
  return { callbackUrl: stringOption(values, 'callback-url'), callbackListen: parsed };
}

function engineOptions(values: ParsedArgs['values']) {
  return {
    maxQueued: intOption(values, 'max-queued'),
    maxRate: numberOption(values, 'max-rate'),
    pollMinMs: intOption(values, 'poll-min'),
    pollMaxMs: intOption(values, 'poll-max'),
    clientOptions: clientOptions(values),
    ...callbackOptions(values),
  };
}

/** Ctrl-C (or SIGTERM) stops the run at once; a second one leaves without waiting. */
function stopOnSignals(display: Display): AbortController {
  const controller = new AbortController();
  let count = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    count++;
    if (count > 1) {
      display.close();
      process.exit(130);
    }
    controller.abort(new Error(`stopped by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller;
}

function exitCodeOf(summary: BatchSummary): number {
  if (summary.stopped) return 130;
  return summary.counts.downloaded === summary.total ? 0 : 1;
}

async function openStore(parsed: ParsedArgs): Promise<JobStore> {
  const redis = stringOption(parsed.values, 'redis');
  if (redis) return openRedisStore(redis, stringOption(parsed.values, 'queue') ?? 'tvs-batch');
  const path = storePathFor(parsed.file!);
  if (!existsSync(path))
    throw new BatchUsageError(
      `no state for ${parsed.file} yet (${path}): run tvs-batch run ${parsed.file} first`,
    );
  return openSqliteStore(path, { lock: false });
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  const { values } = parsed;
  const json = values['json'] === true;
  switch (parsed.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${version()}\n`);
      return 0;
    case 'run': {
      const display = new Display({ json });
      const controller = stopOnSignals(display);
      const input = parsed.file!;
      const outDir = stringOption(values, 'out') ?? join(dirname(resolve(input)), 'out');
      const summary = await runBatch({
        input,
        outDir,
        ...lineDefaults(values),
        ...engineOptions(values),
        concurrency: intOption(values, 'concurrency'),
        resubmitAmbiguous: values['resubmit-ambiguous'] === true,
        retryFailed: values['retry-failed'] === true,
        signal: controller.signal,
        onEvent: (event) => display.event(event),
      });
      display.summary(summary, join(outDir, 'manifest.csv'));
      return exitCodeOf(summary);
    }
    case 'worker': {
      const display = new Display({ json });
      const controller = stopOnSignals(display);
      const summary = await runWorker({
        redis: stringOption(values, 'redis')!,
        queue: stringOption(values, 'queue'),
        outDir: stringOption(values, 'out'),
        ...engineOptions(values),
        concurrency: intOption(values, 'concurrency'),
        workerConcurrency: intOption(values, 'worker-concurrency'),
        rate: numberOption(values, 'rate'),
        lockMs: intOption(values, 'lock-ms', 500),
        exitWhenDrained: values['exit-when-drained'] === true,
        signal: controller.signal,
        onEvent: (event) => display.event(event),
      });
      display.summary(summary);
      return summary.stopped ? 130 : 0;
    }
    case 'enqueue': {
      const display = new Display({ json });
      const result = await enqueueJobs({
        input: parsed.file!,
        redis: stringOption(values, 'redis')!,
        queue: stringOption(values, 'queue'),
        concurrency: intOption(values, 'concurrency'),
        resubmitAmbiguous: values['resubmit-ambiguous'] === true,
        retryFailed: values['retry-failed'] === true,
        ...lineDefaults(values),
        onEvent: (event) => display.event(event),
      });
      if (json) process.stdout.write(`${JSON.stringify({ type: 'enqueued', ...result })}\n`);
      else
        process.stdout.write(
          `${result.added} new jobs; ${result.enqueued} in the queue for workers\n`,
        );
      return 0;
    }
    case 'status': {
      const store = await openStore(parsed);
      try {
        const counts = await store.counts();
        if (json) {
          process.stdout.write(
            `${JSON.stringify({ type: 'status', store: store.location, counts })}\n`,
          );
        } else {
          const rows = [['state', 'jobs'], ...JOB_STATES.map((s) => [s, String(counts[s])])];
          process.stdout.write(`${store.location}\n${table(rows).join('\n')}\n`);
        }
        return 0;
      } finally {
        await store.close();
      }
    }
    case 'manifest': {
      const store = await openStore(parsed);
      try {
        const outDir =
          stringOption(values, 'out') ??
          (parsed.file ? join(dirname(resolve(parsed.file)), 'out') : 'out');
        const paths = await writeManifest(store, outDir);
        if (json) process.stdout.write(`${JSON.stringify({ type: 'manifest', ...paths })}\n`);
        else process.stdout.write(`${paths.csv}\n${paths.jsonl}\n`);
        return 0;
      } finally {
        await store.close();
      }
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BatchInputError || error instanceof BatchUsageError) {
      process.stderr.write(`tvs-batch: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    // Bad options of createClient (no credentials…) are TypeErrors from the client.
    if (error instanceof TypeError && /createClient/.test(error.message)) {
      process.stderr.write(`tvs-batch: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`tvs-batch: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
