import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANSI, CLI, freshDir, runCli, SELF } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** How to run pnpm here: the one running these tests (`npm_execpath`), else the one on PATH. */
function findPnpm(): { file: string; args: string[] } | undefined {
  const execpath = process.env['npm_execpath'];
  if (execpath && /pnpm/.test(execpath)) {
    return /\.[cm]?js$/.test(execpath)
      ? { file: process.execPath, args: [execpath] }
      : { file: execpath, args: [] };
  }
  return spawnSync('pnpm', ['--version']).status === 0 ? { file: 'pnpm', args: [] } : undefined;
}
const pnpm = findPnpm();

/**
 * Every name the CLI's output gives itself, as in `<name> <command>` (pnpm's echo of the script,
 * `$ …`, is left out): all of them must be what the user typed.
 */
function namesUsed(output: string): string[] {
  const text = output
    .split('\n')
    .filter((line) => !line.startsWith('$ '))
    .join('\n');
  const found = new Set<string>();
  const pattern =
    /(tvs-demo|pnpm demo|node \S+cli\.js)(?= (?:video|avatars|voices|progress|chat|--help))/g;
  for (const [, name] of text.matchAll(pattern)) found.add(name as string);
  return [...found];
}

describe('help', () => {
  it('shows the usage once, with the name the CLI was started by', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    const usage = run.stdout.split('\n')[0];
    expect(usage).toBe(`Usage: ${SELF} [options] [command]`);
    expect(run.stdout).not.toContain('[command] [command]');
    expect(run.stdout).toContain('TVS_APPKEY, TVS_ACCESS_TOKEN');
    expect(run.stdout).toMatch(/^ {2}help \[command\] +display help for command$/m);
    expect(run.stdout).toContain(`${SELF} video "Hello there." --format webm`);
  });

  it('help <command> is <command> --help', async () => {
    const viaHelp = await runCli(['help', 'video']);
    const viaOption = await runCli(['video', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaOption.stdout);
    expect(viaHelp.stdout.split('\n')[0]).toBe(`Usage: ${SELF} video [options] <text>`);
  });
});

describe('a mistyped command', () => {
  it('gets the nearest command, not "too many arguments"', async () => {
    const run = await runCli(['vidoe', 'Hello there.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: unknown command 'vidoe'\n(Did you mean video?)\n(run ${SELF} --help for usage)\n`,
    );
    expect(run.stdout).toBe('');
    const avatars = await runCli(['avatarz']);
    expect(avatars.code).toBe(2);
    expect(avatars.stderr).toContain('(Did you mean avatars?)');
  });

  it('that is near no command gets the list of commands', async () => {
    const run = await runCli(['render']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "error: unknown command 'render'\n(commands: video, avatars, voices, progress, chat, web, sign)",
    );
  });
});

describe('the name the user typed, in every hint', () => {
  it('node <path> when run directly', async () => {
    const run = await runCli(['progress', 'no-such-task']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`\`${SELF} video\``);
    expect(namesUsed(run.stderr)).toEqual([SELF]);
  });

  it('tvs-demo when run as the bin (a symlink, as npm links it)', async () => {
    const bin = join(freshDir(), 'tvs-demo');
    symlinkSync(CLI, bin);
    const run = await runCli(['progress', 'no-such-task'], {
      command: { file: process.execPath, args: [bin] },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('`tvs-demo video`');
    expect(namesUsed(run.stderr)).toEqual(['tvs-demo']);
    const help = await runCli(['--help'], { command: { file: process.execPath, args: [bin] } });
    expect(help.stdout.split('\n')[0]).toBe('Usage: tvs-demo [options] [command]');
  });

  describe.skipIf(pnpm === undefined)('pnpm demo, through the repo root script', () => {
    /**
     * A copy of the repo root with the root `demo` script exactly as it is, run by the real
     * pnpm; only turbo is a stand-in (the build is done), which writes to stdout as turbo does.
     */
    function rootCopy(): string {
      const dir = freshDir();
      const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      };
      const manifest = { name: 'tvs-sdk-copy', private: true, scripts: { demo: scripts['demo'] } };
      writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
      mkdirSync(join(dir, 'apps', 'demo'), { recursive: true });
      symlinkSync(dirname(CLI), join(dir, 'apps', 'demo', 'dist'));
      const turbo = join(dir, 'node_modules', '.bin', 'turbo');
      mkdirSync(dirname(turbo), { recursive: true });
      writeFileSync(turbo, "#!/bin/sh\necho '   • turbo (stand-in): 7 successful, 7 total'\n");
      chmodSync(turbo, 0o755);
      return dir;
    }
    const viaPnpm = (args: string[], cwd: string) =>
      runCli(args, {
        cwd,
        command: { file: pnpm!.file, args: [...pnpm!.args, 'demo'] },
        timeoutMs: 30_000,
      });

    it('names pnpm demo in the hints and the tour, and keeps --json alone on stdout', async () => {
      const dir = rootCopy();
      const failed = await viaPnpm(['progress', 'no-such-task'], dir);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('`pnpm demo video`');
      expect(namesUsed(failed.stderr)).toEqual(['pnpm demo']);

      const tour = await viaPnpm(['--no-download'], dir);
      expect(tour.code, tour.stderr).toBe(0);
      expect(tour.stdout).toContain('Voices (3 of 32; all: pnpm demo voices)');
      expect(tour.stdout).toMatch(/^ {2}pnpm demo video "your own text" +# any text/m);
      expect(namesUsed(tour.stdout)).toEqual(['pnpm demo']);

      // The build step's output goes to stderr: stdout is the one JSON document.
      const json = await viaPnpm(['avatars', '--json', '--limit', '1'], dir);
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout).avatars).toHaveLength(1);
      expect(json.stderr).toContain('turbo (stand-in)');
      expect(json.stdout).not.toContain(ANSI);
    });
  });
});
