#!/usr/bin/env node
// Fails on a relative Markdown link whose file or heading does not exist, in every Markdown file
// git tracks (changesets and changelogs aside). External links are not fetched: CI is offline.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.md'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file && !file.startsWith('.changeset/') && !file.endsWith('CHANGELOG.md'))
  .filter((file) => existsSync(join(root, file)));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const anchorsCache = new Map();
function anchorsOf(file) {
  let anchors = anchorsCache.get(file);
  if (!anchors) {
    anchors = new Set();
    const seen = new Map();
    let fenced = false;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      const match = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (!match) continue;
      const base = slug(match[1].replace(/`/g, ''));
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    anchorsCache.set(file, anchors);
  }
  return anchors;
}

/** `[text](target)` and `[text]: target` outside code, with their line numbers. */
function linksOf(source) {
  const links = [];
  let fenced = false;
  source.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ target: match[1], line: index + 1 });
    }
    const definition = /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/.exec(prose);
    if (definition) links.push({ target: definition[1], line: index + 1 });
  });
  return links;
}

const problems = [];
let checked = 0;
for (const file of files) {
  const path = join(root, file);
  for (const { target, line } of linksOf(readFileSync(path, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:…
    checked++;
    const [pathPart, anchor] = target.split('#', 2);
    const destination = pathPart ? resolve(dirname(path), decodeURI(pathPart)) : path;
    if (!existsSync(destination)) {
      problems.push(`${file}:${line}: ${target} — no such file`);
      continue;
    }
    if (anchor && statSync(destination).isFile() && destination.endsWith('.md')) {
      if (!anchorsOf(destination).has(anchor.toLowerCase())) {
        problems.push(`${file}:${line}: ${target} — no heading for #${anchor}`);
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`${problems.length} broken links:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`Links: ${checked} relative links in ${files.length} Markdown files resolve.`);
