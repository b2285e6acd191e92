#!/usr/bin/env node
// Size budget of the current package: each entry bundled with its dependencies, as a user's
// bundler would, minified and gzipped. Budgets live in package.json under "sizeBudget":
// [{ "path": "dist/index.js", "import": "{ createSigner }"?, "limit": <max bytes> }]; with
// "import", only those exports are kept (what a user who imports just them ships). A Node-only
// package says "platform": "node" (its node:* imports are not bundled), and "external" lists
// what it ships without (optional peer dependencies the user installs).
// Exits 1 when anything is over.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = pkg.sizeBudget ?? [];
if (budgets.length === 0) throw new Error(`${pkg.name}: no "sizeBudget" in package.json`);
let over = false;
for (const { path, import: names, limit, platform = 'neutral', external = [] } of budgets) {
  const result = await build({
    stdin: {
      contents: names ? `export ${names} from './${path}';` : `export * from './${path}';`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    external,
    write: false,
    logLevel: 'silent',
  });
  const bytes = gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
  const ok = bytes <= limit;
  over ||= !ok;
  const what = `${pkg.name} ${path}${names ? ` ${names}` : ''}`;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${bytes} B min+gz (budget ${limit} B)`);
}
process.exit(over ? 1 : 0);
