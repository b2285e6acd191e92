#!/usr/bin/env node
// Fails when a source file holds more than 400 lines: a file that long does several jobs and
// should be split (issue: "a house a newcomer can live in"). Tests, fixtures, generated media and
// build output are left out; so is anything git does not track.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 400;
const SOURCES =
  /^(packages|apps|tooling)\/[^/]+\/(src|server|scripts)\/.*\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const EXEMPT = /\.test(-d)?\.[cm]?[jt]sx?$|\/fixtures\/|\/generated\/|media-files\.ts$/;

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => SOURCES.test(file) && !EXEMPT.test(file));

const tooLong = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > LIMIT) tooLong.push(`${file}: ${lines} lines`);
}

if (tooLong.length > 0) {
  console.error(`Source files over ${LIMIT} lines (split them into modules that each do one job):`);
  for (const line of tooLong) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`File sizes: all ${files.length} source files are ${LIMIT} lines or fewer.`);
