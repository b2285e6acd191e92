// The code blocks of the repository's Markdown: every fenced `ts`/`js` block of every README
// (root, packages/*, apps/*, tooling/*, examples/) and of docs/*.md, with what the harness needs
// to check and run it: its language, the file it says it is, its run line and whether it is
// marked as a fragment.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Info strings of the blocks that are checked, and the extension each is written with. */
const LANGUAGES = new Map([
  ['ts', 'ts'],
  ['typescript', 'ts'],
  ['js', 'js'],
  ['javascript', 'js'],
  ['mjs', 'js'],
]);

/** `<!-- fragment: why it cannot run -->`, on the line right before the fence. */
const FRAGMENT = /^<!--\s*fragment:\s*(.+?)\s*-->$/;

/** The Markdown files whose blocks are examples, relative to the repository root, sorted. */
export function markdownFiles(root) {
  const files = ['README.md'];
  for (const group of ['packages', 'apps', 'tooling']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const readme = join(group, entry.name, 'README.md');
      if (entry.isDirectory() && existsSync(join(root, readme))) files.push(readme);
    }
  }
  for (const folder of ['docs', 'examples']) {
    if (!existsSync(join(root, folder))) continue;
    for (const name of readdirSync(join(root, folder))) {
      if (name.endsWith('.md')) files.push(join(folder, name));
    }
  }
  return files.sort();
}

/**
 * @typedef {object} Block
 * @property {string} source the Markdown file, relative to the root
 * @property {number} line the line of the block's first code line (1-based)
 * @property {number} index the block's number among the file's checked blocks (1-based)
 * @property {'ts' | 'js'} language
 * @property {string} code the block's text, its fence's indentation removed
 * @property {string | undefined} fragment the reason given by a fragment marker
 * @property {string} fileName the file the block says it is (else `<index>.<ext>`)
 * @property {{ command: 'node' | 'vitest', file: string, args: string[] } | undefined} runLine
 *   what its leading comment says to run, arguments with their `<placeholders>`
 */

/** @returns {Block[]} the checked blocks of one Markdown file */
export function blocksOf(source, text) {
  const lines = text.split('\n');
  /** @type {Block[]} */
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    let end = i + 1;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end++;
    const language = LANGUAGES.get(info.toLowerCase());
    if (language) {
      const code = lines
        .slice(i + 1, end)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
        .join('\n');
      const before = lines.slice(0, i).findLast((line) => line.trim() !== '') ?? '';
      const index = blocks.length + 1;
      const runLine = runLineOf(code);
      blocks.push({
        source,
        line: i + 2,
        index,
        language,
        code: `${code}\n`,
        fragment: FRAGMENT.exec(before.trim())?.[1],
        fileName: namedFile(code) ?? runLine?.file ?? `${index}.${language}`,
        runLine,
      });
    }
    i = end;
  }
  return blocks;
}

/** The comment lines a block starts with. */
function leadingComment(code) {
  const comment = [];
  for (const line of code.split('\n')) {
    if (!line.trimStart().startsWith('//')) break;
    comment.push(line.replace(/^\s*\/\/\s?/, ''));
  }
  return comment.join('\n');
}

/** The file name a block's first comment gives it (`// make-video.ts: …`). */
function namedFile(code) {
  return /^\/\/\s*([\w.-]+\.(?:ts|mts|js|mjs))\b/.exec(code)?.[1];
}

/** `node file.ts <TaskId>` or `vitest run file.test.ts` in the leading comment. */
export function runLineOf(code) {
  const comment = leadingComment(code);
  const node = /\bnode ([\w.-]+\.(?:ts|mts|js|mjs))((?: +(?:<\w+>|[\w./:=-]+))*)/.exec(comment);
  if (node)
    return { command: 'node', file: node[1], args: node[2].trim().split(/ +/).filter(Boolean) };
  const vitest = /\bvitest run ([\w.-]+\.test\.(?:ts|js))/.exec(comment);
  if (vitest) return { command: 'vitest', file: vitest[1], args: [] };
  return undefined;
}

/** Every checked block of the repository's Markdown. */
export function collectBlocks(root) {
  return markdownFiles(root).flatMap((file) =>
    blocksOf(file, readFileSync(join(root, file), 'utf8')),
  );
}
