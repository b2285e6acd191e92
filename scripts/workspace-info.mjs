#!/usr/bin/env node
// Stand-in for the demo until apps/demo exists: prints what the workspace holds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const rows = [];
for (const group of ['packages', 'apps', 'tooling']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    const manifest = join(dir, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    rows.push([
      `${group}/${name}`,
      pkg.name,
      pkg.private ? 'private' : pkg.version,
      pkg.description ?? '',
    ]);
  }
}
console.log(`TVS SDK workspace (Node ${process.version}): ${rows.length} packages\n`);
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows)
  console.log(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  '));
console.log(
  '\nThe demo CLI replaces this listing once apps/demo exists. Run every test: pnpm test',
);
