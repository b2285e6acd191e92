// examples/edge-signer-page in a browser, as deployed: page.ts bundled with esbuild from the
// consumer's installed @tvs/client, the edge signer (apps/edge-signer's built Worker) in workerd
// in front of the mock gateway, the page served from 127.0.0.1 to headless Chromium. The harness
// clicks the button and waits for the page to say how it went.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { REPO_ROOT } from '@tvs/release-check/src/workspace.mjs';
import { ensureRuntime } from '@tvs/runtime-matrix/src/install-runtimes.mjs';
import { RUNTIMES } from '@tvs/runtime-matrix/src/runtimes.mjs';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { chromium } from 'playwright-core';

const WORKER = join(REPO_ROOT, 'apps', 'edge-signer', 'dist', 'worker.js');

/** Runs the page; returns what it showed and every URL it asked for. */
export async function runPage({ example, env, baseUrl }) {
  const [bundle] = (
    await build({
      entryPoints: [example.file],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    })
  ).outputFiles;
  const callerToken = randomBytes(24).toString('hex');
  // A real socket, not request interception: Chromium lets a page reach loopback (the Worker,
  // the media) only from a loopback origin.
  let files = {};
  const site = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://page').pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
  }).listen(0, '127.0.0.1');
  await once(site, 'listening');
  const ORIGIN = `http://127.0.0.1:${site.address().port}`;
  const worker = new Miniflare({
    modules: true,
    script: readFileSync(WORKER, 'utf8'),
    compatibilityDate: '2026-01-01',
    host: '127.0.0.1',
    port: 0,
    bindings: {
      TVS_APPKEY: env.TVS_APPKEY,
      TVS_ACCESS_TOKEN: env.TVS_ACCESS_TOKEN,
      EDGE_BEARER_TOKEN: callerToken,
      ALLOWED_ORIGINS: ORIGIN,
      TVS_GATEWAY_URL: baseUrl,
    },
  });
  const edgeUrl = (await worker.ready).href.replace(/\/$/, '');
  const binary = await ensureRuntime(RUNTIMES.find((rt) => rt.name === 'chromium'));
  const browser = await chromium.launch({
    executablePath: binary,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const requested = [];
    const problems = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(error.message));
    files = {
      '/': ['text/html', readFileSync(join(example.dir, 'index.html'))],
      '/page.js': ['text/javascript', bundle.contents],
      '/edge.json': ['application/json', JSON.stringify({ edgeUrl, callerToken })],
    };
    await page.goto(`${ORIGIN}/`);
    await page.click('#make');
    await page.waitForSelector('body[data-state="done"], body[data-state="failed"]', {
      timeout: 60_000,
    });
    const state = await page.getAttribute('body', 'data-state');
    // The subtitles became captions the browser parsed.
    if (state === 'done') {
      await page.waitForFunction(
        () => (document.querySelector('video')?.textTracks[0]?.cues?.length ?? 0) > 0,
        undefined,
        { timeout: 10_000 },
      );
    }
    const shown = await page.textContent('#status');
    const output = `state ${state}: ${shown}\n${requested.join('\n')}\n${problems.join('\n')}`;
    if (state !== 'done') throw new Error(`the page failed:\n${output}`);
    // The page spoke only to itself, the Worker and the media storage; no signed URL, no key.
    for (const url of requested) {
      if (/[?&](signature|appkey)=/.test(url)) throw new Error(`the page requested ${url}`);
      const own = url.startsWith(ORIGIN) || url.startsWith(`blob:${ORIGIN}/`);
      if (!own && !url.startsWith(edgeUrl) && !url.startsWith(`${baseUrl}/media/`)) {
        throw new Error(`the page requested ${url}, neither itself, the Worker nor the media`);
      }
    }
    return output;
  } finally {
    await browser.close();
    await worker.dispose();
    site.close();
  }
}
