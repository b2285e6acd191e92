import { describe, expect, it } from 'vitest';
import { commandName, shellWord } from './invocation.js';

const CLI = '/home/ada/tvs/apps/demo/dist/cli.js';
const ROOT = '/home/ada/tvs';
/** What pnpm 11 sets for `pnpm demo` at the repo root (seen in a real run). */
const PNPM_DEMO = {
  npm_lifecycle_event: 'demo',
  npm_lifecycle_script:
    'TURBO_TELEMETRY_DISABLED=1 turbo run build --filter=@tvs/demo... --output-logs=errors-only 1>&2 && node apps/demo/dist/cli.js',
  npm_command: 'run-script',
  npm_config_user_agent: 'pnpm/11.28.11 npm/? node/v24.21.0 linux x64',
};

describe('commandName: what the user typed to start the CLI', () => {
  it('is the package script when one started it: pnpm demo, npm run demo, yarn demo', () => {
    expect(commandName({ argv1: CLI, env: PNPM_DEMO, cwd: ROOT })).toBe('pnpm demo');
    const agent = (name: string) => ({
      ...PNPM_DEMO,
      npm_config_user_agent: `${name}/1.0 node/v24`,
    });
    expect(commandName({ argv1: CLI, env: agent('npm'), cwd: ROOT })).toBe('npm run demo');
    expect(commandName({ argv1: CLI, env: agent('yarn'), cwd: ROOT })).toBe('yarn demo');
    expect(commandName({ argv1: CLI, env: agent('bun'), cwd: ROOT })).toBe('bun run demo');
    // A user's own script that runs the bin.
    const own = {
      npm_lifecycle_event: 'avatar-demo',
      npm_lifecycle_script: 'tvs-demo --no-download',
    };
    expect(commandName({ argv1: CLI, env: own, cwd: '/p' })).toBe('pnpm avatar-demo');
  });

  it('is not a script that started something else that started the CLI (a test runner)', () => {
    const env = { ...PNPM_DEMO, npm_lifecycle_event: 'test', npm_lifecycle_script: 'vitest run' };
    expect(commandName({ argv1: CLI, env, cwd: `${ROOT}/apps/demo` })).toBe('node dist/cli.js');
    // Nor the mock gateway's CLI, also a dist/cli.js.
    const mock = { ...PNPM_DEMO, npm_lifecycle_script: 'node packages/mock-gateway/dist/cli.js' };
    expect(commandName({ argv1: CLI, env: mock, cwd: ROOT })).toBe('node apps/demo/dist/cli.js');
  });

  it('is tvs-demo when run as the bin: a symlink (npm), or a shim a shell ran (pnpm)', () => {
    expect(commandName({ argv1: '/usr/local/bin/tvs-demo', env: {}, cwd: '/' })).toBe('tvs-demo');
    const shim = { _: '/p/node_modules/.bin/tvs-demo' };
    const real = '/p/node_modules/.pnpm/@tvs+demo@0.0.0/node_modules/@tvs/demo/dist/cli.js';
    expect(commandName({ argv1: real, env: shim, cwd: '/p' })).toBe('tvs-demo');
    const exec = { npm_command: 'exec', npm_config_user_agent: 'pnpm/11 node/v24' };
    expect(commandName({ argv1: real, env: exec, cwd: '/p' })).toBe('pnpm exec tvs-demo');
    const npx = { npm_command: 'exec', npm_config_user_agent: 'npm/11 node/v24' };
    expect(commandName({ argv1: real, env: npx, cwd: '/p' })).toBe('npx tvs-demo');
  });

  it('is node and the path otherwise: relative inside the working directory, else absolute', () => {
    expect(commandName({ argv1: CLI, env: {}, cwd: ROOT })).toBe('node apps/demo/dist/cli.js');
    expect(commandName({ argv1: CLI, env: {}, cwd: '/tmp/x' })).toBe(`node ${CLI}`);
    // `pnpm exec node …` in the repo is not an installed bin.
    const exec = { npm_command: 'exec', _: '/usr/bin/pnpm' };
    expect(commandName({ argv1: CLI, env: exec, cwd: ROOT })).toBe('node apps/demo/dist/cli.js');
    const spaced = '/home/ada/my code/cli.js';
    expect(commandName({ argv1: spaced, env: {}, cwd: '/tmp' })).toBe(`node '${spaced}'`);
  });
});

describe('shellWord', () => {
  it('quotes only what a shell would split or expand, and quotes quotes', () => {
    expect(shellWord('apps/demo/dist/cli.js')).toBe('apps/demo/dist/cli.js');
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord('http://h/p?a=1&b=2')).toBe("'http://h/p?a=1&b=2'");
    expect(shellWord(`{"Text":"it's"}`)).toBe(`'{"Text":"it'\\''s"}'`);
  });
});
