import { parseArgs } from 'node:util';
import { BatchUsageError } from '../errors.js';
import { BATCH_OPERATIONS, type BatchOperation } from '../jobs.js';

/** Every option of every command; each command reads the ones it has. */
const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  out: { type: 'string' },
  concurrency: { type: 'string' },
  'worker-concurrency': { type: 'string' },
  'max-queued': { type: 'string' },
  rate: { type: 'string' },
  'max-rate': { type: 'string' },
  'poll-min': { type: 'string' },
  'poll-max': { type: 'string' },
  avatar: { type: 'string' },
  voice: { type: 'string' },
  format: { type: 'string' },
  speed: { type: 'string' },
  operation: { type: 'string' },
  template: { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  'resubmit-ambiguous': { type: 'boolean' },
  'retry-failed': { type: 'boolean' },
  'base-url': { type: 'string' },
  region: { type: 'string' },
  redis: { type: 'string' },
  queue: { type: 'string' },
  'lock-ms': { type: 'string' },
  'exit-when-drained': { type: 'boolean' },
  'callback-url': { type: 'string' },
  'callback-listen': { type: 'string' },
} as const;

export type Command = 'run' | 'status' | 'manifest' | 'enqueue' | 'worker';
const COMMANDS: readonly Command[] = ['run', 'status', 'manifest', 'enqueue', 'worker'];

/** Options each command accepts (beyond --json and --help). */
const ALLOWED: Readonly<Record<Command, readonly string[]>> = {
  run: [
    'out',
    'concurrency',
    'max-queued',
    'max-rate',
    'poll-min',
    'poll-max',
    'avatar',
    'voice',
    'format',
    'speed',
    'operation',
    'template',
    'skip-invalid',
    'resubmit-ambiguous',
    'retry-failed',
    'base-url',
    'region',
    'callback-url',
    'callback-listen',
  ],
  status: ['redis', 'queue'],
  manifest: ['redis', 'queue', 'out'],
  enqueue: [
    'redis',
    'queue',
    'concurrency',
    'avatar',
    'voice',
    'format',
    'speed',
    'operation',
    'template',
    'skip-invalid',
    'resubmit-ambiguous',
    'retry-failed',
  ],
  worker: [
    'redis',
    'queue',
    'out',
    'concurrency',
    'worker-concurrency',
    'rate',
    'max-queued',
    'max-rate',
    'poll-min',
    'poll-max',
    'base-url',
    'region',
    'lock-ms',
    'exit-when-drained',
    'callback-url',
    'callback-listen',
  ],
};

export const USAGE = `tvs-batch: thousands of TVS videos from a CSV or JSONL file, resumable, never rendered twice.

  tvs-batch run <jobs.csv|jobs.jsonl> [options]   create, follow and download every job; run it
                                                  again to resume (state: <file>.tvs-batch.db)
  tvs-batch status [<jobs file>] [--redis URL]    jobs per state
  tvs-batch manifest [<jobs file>] [--redis URL]  write out/manifest.csv and out/manifest.jsonl
  tvs-batch enqueue <jobs file> --redis URL       load the jobs into a BullMQ queue on Redis
  tvs-batch worker --redis URL                    process the queue (run any number, anywhere)

Input: CSV with a header (id,text,avatar,voice[,format,speed,operation,…]) or JSONL, one job a
line ({"id","text","avatar","voice"} or {"id","operation","payload"}). "{column}" in the text
(or --template) is filled from the line.

Options:
  --out DIR                 results and manifest (default: out/ beside the input; worker: ./out)
  --concurrency N           jobs in flight at once, create to download: the account's quota (4)
  --max-queued N            while the gateway queues our tasks, at most N wait there (1)
  --max-rate N              calls a second to the gateway at most (default: until throttled)
  --poll-min MS --poll-max MS   bounds of the wait between polls of a task (3000, 60000)
  --avatar KEY --voice KEY --format F --speed S --operation OP --template TEXT   line defaults
  --skip-invalid            skip bad lines instead of refusing the file
  --resubmit-ambiguous      send ambiguous jobs again (they may have been created: see README)
  --retry-failed            send failed jobs again
  --callback-url URL        ask the gateway to POST results here; tvs-batch listens on the URL's
                            port (or --callback-listen HOST:PORT); polling stays the fallback
  --base-url URL --region cn|sg   where the gateway is (TVS_BASE_URL, TVS_REGION)
  --redis URL --queue NAME  Redis mode (queue default "tvs-batch")
  --worker-concurrency N --rate N --lock-ms MS --exit-when-drained   worker tuning
  --json                    one JSON event a line instead of the display

Credentials come from TVS_APPKEY and TVS_ACCESS_TOKEN.
Exit status: 0 every job downloaded, 1 some failed, ambiguous or unfinished, 2 bad usage or
input (nothing sent), 130 interrupted.`;

/** A parsed command line. */
export interface ParsedArgs {
  readonly command: Command | 'help' | 'version';
  readonly file: string | undefined;
  readonly values: Record<string, string | boolean | undefined>;
}

/** Parses `argv` (without node and the script); throws {@link BatchUsageError} on bad usage. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new BatchUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) return { command: 'version', file: undefined, values };
  const [command, file, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help')
    return { command: 'help', file: undefined, values };
  if (!COMMANDS.includes(command as Command))
    throw new BatchUsageError(`unknown command "${command}" (commands: ${COMMANDS.join(', ')})`);
  const cmd = command as Command;
  if (extra.length > 0) throw new BatchUsageError(`unexpected arguments: ${extra.join(' ')}`);
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || name === 'json') continue;
    if (!ALLOWED[cmd].includes(name)) throw new BatchUsageError(`${cmd} does not take --${name}`);
  }
  const needsFile = cmd === 'run' || cmd === 'enqueue';
  if (needsFile && !file)
    throw new BatchUsageError(`${cmd} needs the jobs file: tvs-batch ${cmd} jobs.csv`);
  if (cmd === 'worker' && file)
    throw new BatchUsageError('worker takes no file: the jobs come from the queue');
  if ((cmd === 'enqueue' || cmd === 'worker') && !values.redis)
    throw new BatchUsageError(`${cmd} needs --redis redis://host:port`);
  if ((cmd === 'status' || cmd === 'manifest') && !file && !values.redis) {
    throw new BatchUsageError(`${cmd} needs the jobs file (embedded store) or --redis URL`);
  }
  return { command: cmd, file, values };
}

/** A whole number option, or undefined when absent. */
export function intOption(values: ParsedArgs['values'], name: string, min = 1): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(Number.isInteger(value) && value >= min))
    throw new BatchUsageError(
      `--${name} must be a whole number of at least ${min}, got ${JSON.stringify(raw)}`,
    );
  return value;
}

/** A positive number option, or undefined when absent. */
export function numberOption(values: ParsedArgs['values'], name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(value > 0 && Number.isFinite(value)))
    throw new BatchUsageError(`--${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

/** A string option, or undefined. */
export function stringOption(values: ParsedArgs['values'], name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}

/** `--operation`, checked. */
export function operationOption(values: ParsedArgs['values']): BatchOperation | undefined {
  const raw = stringOption(values, 'operation');
  if (raw === undefined) return undefined;
  if (!BATCH_OPERATIONS.includes(raw as BatchOperation)) {
    throw new BatchUsageError(
      `--operation must be one of ${BATCH_OPERATIONS.join(', ')}, got ${JSON.stringify(raw)}`,
    );
  }
  return raw as BatchOperation;
}
