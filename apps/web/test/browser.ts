import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where the screenshots go: a test artefact, git-ignored. */
export const SCREENSHOTS = fileURLToPath(new URL('../test-results/', import.meta.url));

/** Launches headless Chromium on a fresh profile folder, with nothing that phones home. */
export function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1100, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Everything the page saw: for the secret scan. */
export interface Seen {
  /** Each response as `url`, headers and body (bodies read as text where there is one). */
  responses: string[];
  console: string[];
  /** WebSocket URLs and frames in both directions. */
  sockets: string[];
}

/** Records every response, console line and WebSocket frame of `page`. */
export function record(page: Page): { seen: Seen; settled(): Promise<void> } {
  const seen: Seen = { responses: [], console: [], sockets: [] };
  const pending: Promise<void>[] = [];
  page.on('console', (message) => seen.console.push(message.text()));
  page.on('pageerror', (error) => seen.console.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders());
        // Media bodies are binary and long; the text ones are what could carry a secret.
        const type = response.headers()['content-type'] ?? '';
        const body = /json|text|javascript|html|css|srt|vtt/.test(type)
          ? await response.text().catch(() => '')
          : '';
        seen.responses.push(`${response.url()}\n${headers}\n${body}`);
      })(),
    );
  });
  page.on('websocket', (socket) => {
    seen.sockets.push(socket.url());
    socket.on('framesent', (frame) => seen.sockets.push(String(frame.payload)));
    socket.on('framereceived', (frame) => seen.sockets.push(String(frame.payload)));
  });
  return {
    seen,
    settled: async () => {
      await Promise.all(pending);
    },
  };
}

/** Saves a screenshot of the whole page under test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
