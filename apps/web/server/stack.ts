/**
 * `@tvs/web/stack`: the page, the edge signer in workerd and their wiring, on loopback. What
 * `pnpm demo web` runs (with the gateway the CLI chose) and what the browser tests run.
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { createServer, type InlineConfig, type Plugin, preview } from 'vite';
import { CONFIG_FILE, type PageConfig } from '../src/config.js';

/** The gateway the edge signer signs for, and its credentials (they stay in the Worker). */
export interface Upstream {
  /** The gateway's origin: a loopback mock gateway, or `https://gw.tvs.qq.com`. */
  readonly url: string;
  readonly appkey: string;
  readonly accessToken: string;
}

export interface StackOptions {
  readonly upstream: Upstream;
  /**
   * `dev`: the Vite dev server on the sources (what `pnpm demo web` runs); `preview`: the
   * production build in `dist/page`, as deployed. Default `dev`.
   */
  readonly mode?: 'dev' | 'preview' | undefined;
  /** The Worker's `EDGE_BEARER_TOKEN`, which the page sends; default: a random one. */
  readonly callerToken?: string | undefined;
  /** Receives the Worker's log lines (default: dropped). */
  readonly onWorkerLog?: ((line: string) => void) | undefined;
}

export interface Stack {
  /** The page: the one URL to open. */
  readonly url: string;
  /** The edge signer. */
  readonly edgeUrl: string;
  readonly callerToken: string;
  /** Stops the page server and the Worker. */
  close(): Promise<void>;
}

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
const WORKER = fileURLToPath(import.meta.resolve('@tvs/edge-signer/dist/worker.js'));

/** Serves `tvs-web.json` from memory, so it can name the Worker once the Worker is up. */
function pageConfigPlugin(holder: { config?: PageConfig }): Plugin {
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== `/${CONFIG_FILE}` || holder.config === undefined) return next();
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(holder.config));
  };
  return {
    name: 'tvs-web-config',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

function originOf(server: { address(): AddressInfo | string | null } | null | undefined): string {
  const address = server?.address();
  if (address === null || address === undefined || typeof address === 'string') {
    throw new Error('the page server is not listening on a TCP port');
  }
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Starts the page (Vite) and the edge signer (the built Worker in workerd, via Miniflare) on
 * 127.0.0.1, each on a free port. The Worker gets the upstream's credentials as secrets, a
 * caller token, and the page's origin as its one allowed origin; the page gets the Worker's URL
 * and the caller token from `tvs-web.json`, never a credential.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const callerToken = options.callerToken ?? randomBytes(24).toString('hex');
  const holder: { config?: PageConfig } = {};
  const inline: InlineConfig = {
    configFile: CONFIG,
    root: APP_DIR,
    plugins: [pageConfigPlugin(holder)],
    server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false },
    preview: { host: '127.0.0.1', port: 0, strictPort: true },
  };
  let url: string;
  let closePage: () => Promise<void>;
  if (options.mode === 'preview') {
    const server = await preview(inline);
    url = originOf(server.httpServer);
    closePage = () => server.close();
  } else {
    // Its own cache of pre-bundled dependencies, so two stacks at once (tests running in
    // parallel) never write the same folder.
    const cacheDir = await mkdtemp(join(tmpdir(), 'tvs-web-vite-'));
    const server = await createServer({ ...inline, cacheDir });
    const removeCache = () => rm(cacheDir, { recursive: true, force: true });
    try {
      await server.listen();
    } catch (error) {
      await server.close();
      await removeCache();
      throw error;
    }
    url = originOf(server.httpServer);
    closePage = async () => {
      await server.close();
      await removeCache();
    };
  }

  let worker: Miniflare | undefined;
  try {
    worker = new Miniflare({
      modules: true,
      // The deployed bytes; `scriptPath` would resolve imports relative to it, needlessly.
      script: await readFile(WORKER, 'utf8'),
      compatibilityDate: '2026-01-01',
      host: '127.0.0.1',
      port: 0,
      bindings: {
        TVS_APPKEY: options.upstream.appkey,
        TVS_ACCESS_TOKEN: options.upstream.accessToken,
        EDGE_BEARER_TOKEN: callerToken,
        ALLOWED_ORIGINS: url,
        TVS_GATEWAY_URL: options.upstream.url,
      },
      handleRuntimeStdio(stdout: Readable, stderr: Readable) {
        const log = options.onWorkerLog;
        stdout.on('data', (chunk: Buffer) => log?.(chunk.toString('utf8')));
        stderr.on('data', (chunk: Buffer) => log?.(chunk.toString('utf8')));
      },
    });
    const edgeUrl = (await worker.ready).origin;
    holder.config = { edgeUrl, callerToken };
    const running = worker;
    return {
      url: `${url}/`,
      edgeUrl,
      callerToken,
      async close() {
        await Promise.allSettled([closePage(), running.dispose()]);
      },
    };
  } catch (error) {
    await Promise.allSettled([closePage(), worker?.dispose()]);
    throw error;
  }
}
