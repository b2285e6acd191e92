#!/usr/bin/env node
// Packs @tvs/client as npm would publish it, unpacks it under .cache/, and REQUIREs the CommonJS
// entry: ky is ESM-only, so the CJS build must carry it. Then makes a real signed call with it
// against the mock gateway's fetch handler. Exits 1 on any failure. Run by `check:package`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const dir = resolve('.cache/packed');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
execFileSync('pnpm', ['pack', '--pack-destination', dir], { stdio: 'ignore' });
const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
const root = join(dir, 'package');
const cjs = readFileSync(join(root, 'dist/index.cjs'), 'utf8');
if (/require\(["']ky["']\)/.test(cjs))
  throw new Error('dist/index.cjs requires ky instead of bundling it');

const require = createRequire(join(root, 'package.json'));
const client = require(root);
const { createMockGateway } = require('@tvs/mock-gateway');
const credentials = { appkey: 'packed-app', accessToken: 'packed-token' };
const gateway = createMockGateway({ credentials: [credentials] });
const api = client.createClient({
  ...credentials,
  baseUrl: 'https://gw.tvs.qq.com',
  fetch: (input, init) => gateway.fetch(new Request(input, init)),
});
const page = await api.assets.listTimbres({ PageIndex: 1, PageSize: 2 });
if (!Array.isArray(page.TimbreAssets))
  throw new Error('unexpected response from the packed CJS build');
if (typeof client.TvsAmbiguousError !== 'function') throw new Error('TvsAmbiguousError missing');
gateway.close();
console.log(
  `ok   ${tarball}: require() works, ky bundled, a signed call succeeded (v${client.VERSION})`,
);
