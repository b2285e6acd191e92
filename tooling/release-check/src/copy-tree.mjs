// The working tree, copied so that `changeset version` never touches the developer's checkout.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { baseEnv } from './base-env.mjs';
import { run } from './exec.mjs';

/** Copies tracked and untracked-but-not-ignored files (as they are on disk) into `to`. */
export async function copyWorkingTree(from, to) {
  const listed = await run(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: from,
    },
  );
  const files = [...new Set(listed.split('\0').filter(Boolean))];
  for (const file of files) {
    const source = join(from, file);
    if (!existsSync(source)) continue; // deleted in the working tree
    const target = join(to, file);
    mkdirSync(dirname(target), { recursive: true });
    if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else copyFileSync(source, target);
  }
  // A repository of its own: `changeset publish` tags the release in it.
  const git = (...args) => run('git', args, { cwd: to, env: baseEnv });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '--no-verify', '-m', 'working tree snapshot');
}
