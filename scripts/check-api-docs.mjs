#!/usr/bin/env node
// Reads TypeDoc's JSON model of the public packages and fails when an export has no TSDoc
// summary, or a function, class or constant has no `@example`. TypeDoc's own `notDocumented`
// check is satisfied by a comment with tags only, so it cannot tell a summary is missing.
import { readFileSync } from 'node:fs';

const KIND = { MODULE: 2, VARIABLE: 32, FUNCTION: 64, CLASS: 128, REFERENCE: 4194304 };
const NEEDS_EXAMPLE = new Set([KIND.VARIABLE, KIND.FUNCTION, KIND.CLASS]);

const file = process.argv[2];
if (!file) {
  console.error('usage: check-api-docs.mjs <typedoc json>');
  process.exit(2);
}
const project = JSON.parse(readFileSync(file, 'utf8'));

const text = (parts = []) =>
  parts
    .map((part) => part.text ?? '')
    .join('')
    .trim();

/** The comment that documents `reflection`: a function's lives on its first signature. */
function commentOf(reflection) {
  const signature = reflection.signatures?.[0];
  return signature?.comment ?? reflection.comment;
}

/** The entry points of each package: its module children, or the package itself. */
function entryPoints(pkg) {
  const modules = (pkg.children ?? []).filter((child) => child.kind === KIND.MODULE);
  return modules.length > 0 ? modules : [pkg];
}

const problems = [];
let exports = 0;
for (const pkg of project.children ?? []) {
  for (const entry of entryPoints(pkg)) {
    for (const child of entry.children ?? []) {
      // A re-export of something documented where it is defined.
      if (child.kind === KIND.REFERENCE) continue;
      exports++;
      const comment = commentOf(child);
      const where = `${pkg.name}${entry === pkg ? '' : ` (${entry.name})`}: ${child.name}`;
      if (!text(comment?.summary)) problems.push(`${where} has no TSDoc summary`);
      const hasExample = (comment?.blockTags ?? []).some((tag) => tag.tag === '@example');
      if (NEEDS_EXAMPLE.has(child.kind) && !hasExample) problems.push(`${where} has no @example`);
    }
  }
}

if (problems.length > 0) {
  console.error(`${problems.length} of ${exports} exports are not documented well enough:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`API docs: all ${exports} exports have a TSDoc summary (and an example where needed).`);
