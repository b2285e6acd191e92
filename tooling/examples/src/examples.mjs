// Every example the harness checks: the code blocks of the Markdown files and the files of
// examples/, written into the consumer project under the names they give themselves.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { collectBlocks, runLineOf } from './markdown.mjs';
import { kindOf } from './run.mjs';

/**
 * @typedef {object} Example
 * @property {string} id `packages/signer/README.md#sign.ts`, or `examples/chat.ts`
 * @property {string} where where a failure points: `packages/signer/README.md:12`
 * @property {number} firstLine the line of the example's first code line in `source`
 * @property {string} source the file it comes from, relative to the repository root
 * @property {string} file its path in the consumer project
 * @property {string} dir the folder it runs in
 * @property {'script' | 'vitest' | 'server' | 'worker' | 'page'} kind
 * @property {string[]} args its run line's arguments (`<placeholders>` as written)
 * @property {string | undefined} fragment why it is not run, when it is a fragment
 * @property {string | undefined} runLineFile the file its run line names, if it has one
 */

const slug = (path) => path.replace(/\.md$/, '').replace(/[^\w.-]+/g, '-');

/** The examples of examples/: its .ts and .js files, and each folder's page script. */
function exampleFiles(root) {
  const folder = join(root, 'examples');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|js|mjs)$/.test(name))
    .map((name) => join('examples', name))
    .sort();
}

/**
 * Writes every example into `consumer` (run/ for blocks, examples/ as it is) and describes it.
 * @returns {Example[]}
 */
export function writeExamples(root, consumer) {
  const run = join(consumer, 'run');
  rmSync(run, { recursive: true, force: true });
  rmSync(join(consumer, 'examples'), { recursive: true, force: true });
  /** @type {Example[]} */
  const examples = [];
  for (const block of collectBlocks(root)) {
    const dir = join(run, `${slug(block.source)}-${block.index}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, block.fileName);
    writeFileSync(file, block.code);
    examples.push({
      id: `${block.source}#${block.fileName}`,
      where: `${block.source}:${block.line}`,
      firstLine: block.line,
      source: block.source,
      file,
      dir,
      kind: kindOf(block.code),
      args: block.runLine?.args ?? [],
      fragment: block.fragment,
      runLineFile: block.runLine?.file,
    });
  }
  if (existsSync(join(root, 'examples'))) {
    cpSync(join(root, 'examples'), join(consumer, 'examples'), { recursive: true });
  }
  for (const source of exampleFiles(root)) {
    const code = readFileSync(join(root, source), 'utf8');
    const file = join(consumer, source);
    const isPage = existsSync(join(dirname(file), 'index.html'));
    const runLine = runLineOf(code);
    examples.push({
      id: source,
      where: `${source}:1`,
      firstLine: 1,
      source,
      file,
      dir: dirname(file),
      kind: isPage ? 'page' : kindOf(code),
      args: runLine?.args ?? [],
      fragment: undefined,
      runLineFile: runLine?.file,
    });
  }
  return examples;
}

/** `file` relative to the consumer, for messages. */
export const shown = (consumer, file) => relative(consumer, file);
