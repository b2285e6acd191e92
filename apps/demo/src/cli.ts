#!/usr/bin/env node
/**
 * `tvs-demo`: the SDK's main job end to end. With no credentials it runs against an embedded mock
 * gateway; with TVS_APPKEY and TVS_ACCESS_TOKEN against the real one, through the same code.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { chat } from './chat.js';
import { listAvatars, listVoices, progress, SAMPLE_SCRIPT, tour, video } from './commands.js';
import { type Connection, connect } from './connect.js';
import { explain } from './explain.js';
import { commandName } from './invocation.js';
import { DEFAULT_RENDER_SPEED, readTarget } from './settings.js';
import { MOCK_CLI_URL, sign } from './sign.js';
import { nearest } from './suggest.js';
import { formatSeconds, table, Ui } from './ui.js';
import { FORMATS, type Format, type Run } from './video.js';
import { web } from './web.js';

/** What the user typed to start this CLI: every hint names its commands that way. */
const self = commandName({ argv1: process.argv[1], env: process.env, cwd: process.cwd() });

const EXAMPLES = `
Examples:
${table([
  [self, 'the tour: avatars, voices, one video'],
  [`${self} video "Hello there." --format webm`, 'a transparent WebM of your text'],
  [`${self} avatars --limit 5`, 'the first five avatars'],
  [`${self} help video`, 'the options of one command'],
])
  .map((row) => `  ${row}`)
  .join('\n')}`;

const ENVIRONMENT = `
Environment:
  TVS_APPKEY, TVS_ACCESS_TOKEN  credentials of the real gateway (both or neither); without
                                them the demo starts an embedded mock gateway on 127.0.0.1
  TVS_REGION                    cn (mainland, default) or sg (international)
  TVS_BASE_URL                  another gateway address: with the credentials, a gateway such
                                as a tvs-mock-gateway; without them, a signing proxy
  TVS_DEMO_RENDER_SPEED         how fast the embedded mock renders (default ${DEFAULT_RENDER_SPEED})
  TVS_DEBUG=1                   log every call (signatures redacted)

Exit codes: 0 done, 1 the gateway or a task failed, 2 bad usage or settings, 130 Ctrl-C.`;

const controller = new AbortController();
let interruptedBy: NodeJS.Signals | undefined;
const onSignal = (signal: NodeJS.Signals) => {
  const code = signal === 'SIGINT' ? 130 : 143;
  // A second Ctrl-C does not wait for the clean-up.
  if (interruptedBy !== undefined) process.exit(code);
  interruptedBy = signal;
  controller.abort(new Error(`cancelled by ${signal}`));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

let exitCode = 0;

/** Reports a failure or a cancellation; returns the exit code. */
function report(error: unknown, run: Run, connection: Connection | undefined): number {
  const { ui } = run;
  if (interruptedBy !== undefined) {
    const lines = ['Cancelled.'];
    if (run.taskId !== undefined) {
      lines.push(
        connection?.target.kind === 'mock'
          ? `Task ${run.taskId} was on the embedded mock gateway, which stopped with the demo.`
          : `Task ${run.taskId} keeps rendering on the gateway; follow it with: ${self} progress ${run.taskId} --wait`,
      );
    } else if (run.requestId !== undefined) {
      lines.push(
        `The video request had been sent (RequestID ${run.requestId}) and may have created a task: check before submitting again.`,
      );
    }
    if (ui.json) {
      ui.document({
        error: {
          name: 'Cancelled',
          signal: interruptedBy,
          taskId: run.taskId,
          message: lines.join(' '),
        },
      });
    } else {
      for (const line of lines) ui.error(line);
    }
    return interruptedBy === 'SIGINT' ? 130 : 143;
  }
  const explained = explain(error, {
    url: connection?.url,
    mock: connection?.target.kind === 'mock',
    unsigned: connection?.target.kind === 'proxy',
    self,
  });
  if (ui.json) {
    ui.document({ error: explained.json });
  } else {
    ui.error(`✖ ${explained.headline}`, ['red', 'bold']);
    for (const line of explained.details) ui.error(`  ${line}`);
    if (explained.hints.length > 0) {
      ui.error('What to do:', 'bold');
      for (const hint of explained.hints) ui.error(`  → ${hint}`);
    }
  }
  if (process.env['TVS_DEBUG'] && error instanceof Error && error.stack)
    ui.error(error.stack, 'dim');
  return explained.exitCode;
}

/** Runs a command against the gateway (or the embedded mock), then reports and cleans up. */
async function withGateway(
  command: Command,
  body: (connection: Connection, run: Run) => Promise<object>,
  { jsonLines = false } = {},
): Promise<void> {
  const ui = new Ui(command.optsWithGlobals()['json'] === true, undefined, jsonLines);
  const run: Run = { ui, signal: controller.signal };
  let connection: Connection | undefined;
  try {
    connection = await connect(readTarget());
    ui.line(ui.style('dim', connection.banner));
    const result = await body(connection, run);
    ui.document({ gateway: { kind: connection.target.kind, url: connection.url }, ...result });
  } catch (error) {
    exitCode = report(error, run, connection);
  } finally {
    await connection?.close();
  }
}

const FORMAT_ALIASES: Readonly<Record<string, Format>> = {
  mp4: 'Mp4',
  webm: 'TransparentWebm',
  mov: 'TransparentMov',
};

function parseFormat(value: string): Format {
  const wanted = value.toLowerCase();
  const format = FORMAT_ALIASES[wanted] ?? FORMATS.find((f) => f.toLowerCase() === wanted);
  if (format === undefined) {
    throw new InvalidArgumentError(`Choose one of ${FORMATS.join(', ')} (or mp4, webm, mov).`);
  }
  return format;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InvalidArgumentError('Give a whole number (0 for all).');
  }
  return limit;
}

const outOption = () => new Option('--out <dir>', 'where to save the video').default('out');
const noDownloadOption = () => new Option('--no-download', 'do not download the video');
/**
 * Where to save the video (`undefined`: not at all). `--out` and `--no-download` written before
 * the command name (`--out clips video …`) are the program's: they count unless the command got
 * its own.
 */
function outDir(command: Command): string | undefined {
  const value = (name: string): unknown =>
    command.getOptionValueSource(name) === 'default' && command.parent
      ? command.parent.getOptionValue(name)
      : command.getOptionValue(name);
  return value('download') === false ? undefined : String(value('out'));
}

const jsonOption = () =>
  new Option('--json', 'machine output: one JSON document on stdout, nothing else');

const program = new Command(self)
  .description(
    "Renders a talking digital-human video with Tencent Cloud's TVS gateway, end to end. With no command: lists a few avatars and voices, makes a video from a sample script, watches it render, downloads it into ./out/ and shows its first subtitles.",
  )
  // Options after a command name are that command's, so `video --out x` is not the tour's.
  .enablePositionalOptions()
  .addOption(jsonOption())
  .addOption(outOption())
  .addOption(noDownloadOption())
  .addHelpText('after', `${EXAMPLES}\n${ENVIRONMENT}`)
  .showHelpAfterError(`(run ${self} --help for usage)`)
  .exitOverride()
  // With an action of its own, the program gets a mistyped command as an argument (commander
  // suggests commands only to a program without one): it is told apart here.
  .allowExcessArguments()
  .helpCommand(true)
  .action(async (_options: object, command: Command) => {
    const [name] = command.args;
    if (name !== undefined) {
      const known = command.commands.map((c) => c.name());
      const guess = nearest(name, known);
      command.error(
        `error: unknown command '${name}'\n${guess ? `(Did you mean ${guess}?)` : `(commands: ${known.join(', ')})`}`,
        { exitCode: 2, code: 'commander.unknownCommand' },
      );
    }
    const started = performance.now();
    await withGateway(command, async (connection, run) => {
      const result = await tour(connection, run, { outDir: outDir(command), self });
      run.ui.line();
      run.ui.line(`Done in ${formatSeconds(performance.now() - started)}. Next:`);
      const next = [
        [`${self} video "your own text"`, run.ui.style('dim', '# any text, any avatar and voice')],
        [`${self} --help`, run.ui.style('dim', '# every command')],
      ];
      for (const row of table(next)) run.ui.line(`  ${row}`);
      return result;
    });
  });

program
  .command('video')
  .addOption(jsonOption())
  .description('make a video from your text, watch it render, download it')
  .argument(
    '<text>',
    `what the avatar says (up to 20,000 characters), e.g. "${SAMPLE_SCRIPT.slice(0, 30)}..."`,
  )
  .option('--avatar <VirtualmanKey>', 'the avatar (default: the first one that takes text)')
  .option(
    '--voice <TimbreKey>',
    "the voice (default: one that fits the avatar and the text's language)",
  )
  .addOption(
    new Option('--format <format>', `${FORMATS.join(' | ')} (or mp4, webm, mov)`)
      .argParser(parseFormat)
      .default('Mp4'),
  )
  .addOption(outOption())
  .addOption(noDownloadOption())
  .action(
    async (
      text: string,
      options: { avatar?: string; voice?: string; format: Format },
      command: Command,
    ) =>
      withGateway(command, (connection, run) =>
        video(connection, run, {
          text,
          avatar: options.avatar,
          voice: options.voice,
          format: options.format,
          outDir: outDir(command),
        }),
      ),
  );

program
  .command('avatars')
  .addOption(jsonOption())
  .description("list the account's avatars (VirtualmanKey for --avatar)")
  .option('--limit <n>', 'at most this many (0 for all)', parseLimit, 0)
  .action(async (options: { limit: number }, command: Command) =>
    withGateway(command, (connection, run) => listAvatars(connection, run, options.limit)),
  );

program
  .command('voices')
  .addOption(jsonOption())
  .description("list the account's voices (TimbreKey for --voice)")
  .option('--limit <n>', 'at most this many (0 for all)', parseLimit, 0)
  .action(async (options: { limit: number }, command: Command) =>
    withGateway(command, (connection, run) => listVoices(connection, run, options.limit)),
  );

program
  .command('progress')
  .addOption(jsonOption())
  .description("show a video task's status and results")
  .argument('<taskId>', 'the TaskId that video creation returned')
  .option('--wait', 'follow the task until it ends')
  .action(async (taskId: string, options: { wait?: boolean }, command: Command) =>
    withGateway(command, (connection, run) =>
      progress(connection, run, taskId, options.wait === true),
    ),
  );

program
  .command('chat')
  .addOption(
    new Option('--json', 'machine output: one JSON line per event (downlink messages among them)'),
  )
  .description(
    'open a live session, type lines for the avatar to speak, watch its speak status (/quit or Ctrl-D ends it)',
  )
  .option('--avatar <VirtualmanKey>', 'the avatar asset (default: the first one that takes text)')
  .option('--project <VirtualmanProjectId>', 'a console project instead of an avatar')
  .action(async (options: { avatar?: string; project?: string }, command: Command) =>
    withGateway(command, (connection, run) => chat(connection, run, options), {
      jsonLines: true,
    }),
  );

program
  .command('web')
  .description(
    'serve the web page on 127.0.0.1, with the edge signer in workerd in front of the gateway, and print the URL to open (Ctrl-C stops it)',
  )
  .action(async () => {
    // A server's output is for a person: there is no --json document to give.
    const run: Run = { ui: new Ui(false), signal: controller.signal };
    try {
      await web(run);
    } catch (error) {
      exitCode = report(error, run, undefined);
    }
  });

program
  .command('sign')
  .addOption(jsonOption())
  .description(
    'print a signed URL, and a curl command that calls it (valid 5 minutes; the token is never shown)',
  )
  .argument(
    '<url>',
    'a full URL, or a path such as /v2/ivh/crmserver/customerassetservice/describetimbre',
  )
  .option(
    '--payload <json>',
    'the Payload of the call, e.g. \'{"TaskId":"<TaskId>"}\' (default: the paging of a list, PageIndex 1 and PageSize 10)',
  )
  .addHelpText(
    'after',
    `
Without TVS_APPKEY/TVS_ACCESS_TOKEN it signs with the mock gateway's demo credentials for
${MOCK_CLI_URL}, where \`tvs-mock-gateway\` listens (the output says how to start it).

Examples:
  ${self} sign /v2/ivh/crmserver/customerassetservice/describetimbre
  ${self} sign /v2/ivh/videomaker/broadcastservice/getprogress --payload '{"TaskId":"<TaskId>"}'`,
  )
  .action(async (url: string, options: { payload?: string }, command: Command) => {
    const ui = new Ui(command.optsWithGlobals()['json'] === true);
    const run: Run = { ui, signal: controller.signal };
    try {
      ui.document(sign(run, url, { payload: options.payload, self }));
    } catch (error) {
      exitCode = report(error, run, undefined);
    }
  });

try {
  await program.parseAsync();
} catch (error) {
  // Commander has already printed what was wrong with the arguments (or the help).
  exitCode = error instanceof CommanderError ? (error.exitCode === 0 ? 0 : 2) : 1;
  if (!(error instanceof CommanderError)) console.error(error);
}
process.exit(exitCode);
