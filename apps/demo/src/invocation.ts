import { basename, extname, isAbsolute, relative } from 'node:path';

/** The bin name in package.json. */
export const BIN = 'tvs-demo';

/** How this process was started: what `commandName` reads. */
export interface Started {
  /** `process.argv[1]`: the script as Node resolved it (a symlinked bin keeps its own name). */
  readonly argv1: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** A word a POSIX shell reads back unchanged: quoted only when it has to be. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The package manager that runs scripts, from `npm_config_user_agent` (`pnpm/11.2 npm/? node/…`). */
function packageManager(env: Started['env']): string {
  return /^([\w-]+)\//.exec(env['npm_config_user_agent'] ?? '')?.[1] ?? 'pnpm';
}

/** `pnpm demo`, `npm run demo`, `yarn demo`, `bun run demo`. */
function runScript(env: Started['env'], script: string): string {
  const manager = packageManager(env);
  return manager === 'npm' || manager === 'bun'
    ? `${manager} run ${script}`
    : `${manager} ${script}`;
}

/** Whether a package script's command line starts this CLI (by its bin name or its path). */
function scriptRunsThis(script: string, { argv1, cwd }: Started): boolean {
  if (new RegExp(`(^|[\\s/\\\\])${BIN}(\\s|$)`).test(script)) return true;
  if (!argv1) return false;
  const fromPackage = relative(cwd, argv1);
  return script.includes(argv1) || (fromPackage !== '' && script.includes(fromPackage));
}

const isBin = (path: string | undefined) =>
  path !== undefined && path !== '' && basename(path, extname(path)) === BIN;

/**
 * What the user typed to start this CLI, for the hints it prints (`Next: pnpm demo video …`):
 * - `pnpm demo` (`npm run demo`, …) when a package script started it: the package manager says
 *   so in `npm_lifecycle_event` (the script's name) and `npm_lifecycle_script` (its command line,
 *   which must start this CLI: a script that started something else that started this does not
 *   count);
 * - `pnpm exec tvs-demo` (`npx tvs-demo`) when a package manager's `exec` started it from an
 *   installed package;
 * - `tvs-demo` when run as the bin: npm links it as a symlink named `tvs-demo`, which Node keeps
 *   in `argv[1]`; pnpm's shim is a shell script, whose path the calling shell leaves in `$_`;
 * - else `node <path to cli.js>`, relative to the working directory when it is inside it.
 */
export function commandName(started: Started): string {
  const { env, argv1, cwd } = started;
  const event = env['npm_lifecycle_event'];
  const script = env['npm_lifecycle_script'];
  if (event && script && scriptRunsThis(script, started)) return runScript(env, shellWord(event));
  if (env['npm_command'] === 'exec' && !event && /[\\/]node_modules[\\/]/.test(argv1 ?? '')) {
    const manager = packageManager(env);
    return manager === 'npm' ? `npx ${BIN}` : `${manager} exec ${BIN}`;
  }
  if (isBin(argv1) || isBin(env['_'])) return BIN;
  if (!argv1) return BIN;
  const path = relative(cwd, argv1);
  return `node ${shellWord(path.startsWith('..') || isAbsolute(path) ? argv1 : path)}`;
}
