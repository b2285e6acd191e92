#!/usr/bin/env node
// Size budget of the built page (`vite build` → dist/page): what a first visit downloads, the
// HTML, scripts and styles, each gzipped at level 9 and added up. The recorded clip
// (clip.wav) is fetched only when sent and is not counted. Budget: "sizeBudget" in package.json,
// [{ "path": "dist/page", "limit": <max bytes> }]. Exits 1 when over.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
let over = false;
for (const { path, limit } of pkg.sizeBudget ?? []) {
  const files = readdirSync(path, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.(html|js|css)$/.test(file),
  );
  if (files.length === 0) throw new Error(`${path} has no built page: run the build first`);
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(join(path, file)), { level: 9 }).length;
  const ok = total <= limit;
  over ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${pkg.name} ${path} (${files.length} files): ${total} B gzipped (budget ${limit} B)`,
  );
}
process.exit(over ? 1 : 0);
