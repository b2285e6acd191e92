// Headless Chromium (Debian's) driven by playwright-core. The page is served by request
// interception on http://localhost, a secure context, so WebCrypto is there as on a real site.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { GLOBAL_NAME } from '../bundle.mjs';
import { withTimeout } from './timeout.mjs';

const ORIGIN = 'http://localhost';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {{ iife: string, binary: string }} context */
export async function run({ iife, binary }) {
  const browser = await chromium.launch({ executablePath: binary, args: ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Nothing listens on this origin: every request is answered here, none reaches a network.
    await page.route(`${ORIGIN}/**`, (route) => {
      const isScript = route.request().url().endsWith('/matrix.js');
      route.fulfill({
        contentType: isScript ? 'text/javascript' : 'text/html',
        body: isScript
          ? readFileSync(iife, 'utf8')
          : '<!doctype html><script src="/matrix.js"></script>',
      });
    });
    await page.goto(`${ORIGIN}/`);
    const ready = await page.evaluate(`typeof ${GLOBAL_NAME} === 'object'`);
    if (!ready) throw new Error(`the bundle did not load: ${errors.join('; ') || 'no page error'}`);
    const json = await withTimeout(
      page.evaluate(`${GLOBAL_NAME}.runMatrix().then((r) => JSON.stringify(r))`),
      'chromium',
    );
    return { ...JSON.parse(json), version: browser.version() };
  } finally {
    await browser.close();
  }
}
