// One example, run as a user would run it: its files in place, its run line's placeholders
// filled with values the mock gateway knows, the environment pointing at the mock, and for a
// server the scenario that drives it. Returns what it printed.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSUMER } from './consumer.mjs';
import { harnessClient, startGateway } from './gateway.mjs';
import { freePort, nodeArgs, startNode, waitForPort } from './run.mjs';

/**
 * @typedef {object} Scenario what an example needs beyond its own text
 * @property {'script'} [kind] runs to its end, though it listens (for a callback of its own)
 * @property {string} [stdin] what is typed into it
 * @property {(values: Record<string, string>) => Record<string, string>} [files] files beside it
 * @property {(gateway: any) => void} [gateway] a gateway of its own, configured (faults…)
 * @property {(ctx: import('./drivers.mjs').DriveContext) => Promise<void>} [drive] for servers
 * @property {RegExp[]} [expect] what its output must show
 * @property {() => Promise<{ env: Record<string, string>, verify?: () => void, close: () => Promise<unknown> }>} [setup]
 *   something else to talk to (a stand-in LLM, a proxy), started before, checked and stopped
 *   after
 * @property {(ctx: any) => Promise<string>} [page] for a browser page: the whole run
 */

/** The environment of every example: the mock, the credentials, nothing inherited of ours. */
function environment({ appkey, accessToken }, baseUrl, signKey) {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT'];
  return {
    ...Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]])),
    NO_COLOR: '1',
    TVS_BASE_URL: baseUrl,
    TVS_APPKEY: appkey,
    TVS_ACCESS_TOKEN: accessToken,
    TVS_CALLBACK_SIGN_KEY: signKey,
  };
}

/** The values of the `<placeholders>` a run line may have. */
async function placeholders(args, client, gateway) {
  const values = {};
  for (const arg of args) {
    const name = /^<(\w+)>$/.exec(arg)?.[1];
    if (!name || name in values) continue;
    values[name] = await placeholderValue(name, client, gateway);
  }
  return values;
}

async function placeholderValue(name, client, gateway) {
  const VirtualmanKey = gateway.catalogue.avatars[0].VirtualmanKey;
  switch (name) {
    case 'VirtualmanKey':
      return VirtualmanKey;
    case 'VirtualmanProjectId':
      return 'demo-project';
    case 'TaskId': {
      // A finished video of this example's account.
      const { TaskId } = await client.video.make({
        VirtualmanKey,
        InputSsml: 'A video to look at.',
        SpeechParam: { Speed: 1 },
      });
      await client.video.waitFor(TaskId, { pollInterval: 100 });
      return TaskId;
    }
    default:
      throw new Error(`the harness has no value for <${name}>: add one to execute.mjs`);
  }
}

/**
 * @param {import('./examples.mjs').Example} example
 * @param {{ credentials: { appkey: string, accessToken: string }, shared: { url: string, gateway: any }, scenario: Scenario }} setup
 * @returns {Promise<string>} stdout and stderr
 */
export async function execute(example, { credentials, shared, scenario }) {
  const own = scenario.gateway ? await startGateway([credentials], scenario.gateway) : undefined;
  const { url: baseUrl, gateway } = own ?? shared;
  const extra = await scenario.setup?.();
  try {
    const signKey = randomBytes(12).toString('hex');
    const env = { ...environment(credentials, baseUrl, signKey), ...extra?.env };
    const client = await harnessClient(credentials, baseUrl);
    const values = await placeholders(example.args, client, gateway);
    const args = example.args.map((arg) => arg.replace(/^<(\w+)>$/, (_, name) => values[name]));
    for (const [name, text] of Object.entries(scenario.files?.(catalogueValues(gateway)) ?? {})) {
      writeFileSync(join(example.dir, name), text);
    }
    const secrets = [credentials.accessToken, signKey];
    const ctx = { example, env, args, client, gateway, baseUrl, signKey, scenario };
    const kind = scenario.kind ?? example.kind;
    const output = scenario.page
      ? await scenario.page(ctx)
      : kind === 'server' || kind === 'worker'
        ? await serve(ctx)
        : await runToEnd(ctx);
    for (const secret of secrets) {
      if (output.includes(secret)) throw new Error(`the output shows a secret:\n${output}`);
    }
    extra?.verify?.();
    for (const pattern of scenario.expect ?? []) {
      if (!pattern.test(output))
        throw new Error(`the output does not match ${pattern}:\n${output}`);
    }
    return output;
  } finally {
    await extra?.close();
    await own?.close();
  }
}

/** Keys of the mock's catalogue, for files an example reads (a CSV of jobs). */
function catalogueValues(gateway) {
  return {
    VirtualmanKey: gateway.catalogue.avatars[0].VirtualmanKey,
    TimbreKey: gateway.catalogue.timbres[0].TimbreKey,
  };
}

async function runToEnd({ example, env, args, scenario }) {
  const started = startNode(nodeArgs({ ...example, args }, CONSUMER), {
    cwd: example.dir,
    env,
    stdin: scenario.stdin,
    timeoutMs: 90_000,
  });
  const { code, signal, stdout, stderr } = await started.exited;
  const output = `${stdout}${stderr}`;
  if (code !== 0) throw new Error(`exited ${signal ?? code}:\n${output}`);
  return output;
}

async function serve({ example, env, args, client, gateway, signKey, scenario }) {
  if (!scenario.drive)
    throw new Error(`${example.id} is a server: give it a drive in scenarios.mjs`);
  const port = await freePort();
  const started = startNode(nodeArgs({ ...example, args }, CONSUMER), {
    cwd: example.dir,
    env: { ...env, PORT: String(port) },
    timeoutMs: 90_000,
  });
  await waitForPort(port, started.exited);
  const waitForOutput = async (pattern, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(started.output())) {
      if (Date.now() > deadline)
        throw new Error(`no output matched ${pattern}:\n${started.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return started.output();
  };
  try {
    await scenario.drive({
      url: `http://127.0.0.1:${port}`,
      client,
      gateway,
      signKey,
      waitForOutput,
    });
  } catch (error) {
    const { stdout, stderr } = await started.stop();
    throw new Error(`${error instanceof Error ? error.message : error}\n${stdout}${stderr}`);
  }
  const { stdout, stderr } = await started.stop();
  return `${stdout}${stderr}`;
}
