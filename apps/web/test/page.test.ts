// The page in real Chromium, through the edge signer in workerd, against the mock gateway: the
// gallery, a video from queue to playing with subtitles, an explained failure, the phone layout,
// and a scan of everything the page saw for the access token or a signature.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@tvs/client';
import { createMockGateway, type ListeningGateway, type MockGateway } from '@tvs/mock-gateway';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The launcher as built, which is what `pnpm demo web` runs.
import { type Stack, startStack } from '../dist/server/stack.js';
import { launch, record, type Seen, screenshot } from './browser.js';

/** Long and distinctive, so finding them anywhere cannot be a coincidence. */
const APPKEY = 'webe2eappkey0123456789abcdef0123';
const ACCESS_TOKEN = 'web-e2e-access-token-3f9a7c1e5b2d8a4c6e0f';

/** Long enough to render for half a minute of gateway time, which the test skips through. */
const LONG_SCRIPT = `${'The digital human reads this sentence aloud for the test. '.repeat(12)}Done.`;

let gateway: MockGateway;
let mock: ListeningGateway;
let stack: Stack;
let browser: BrowserContext;
let page: Page;
let profile: string;
let seen: Seen;
let settled: () => Promise<void>;

beforeAll(async () => {
  gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: ACCESS_TOKEN }],
    // One render slot, so a task submitted first makes the page's wait in the queue.
    concurrency: 1,
    sessions: { prepareMs: 300, speechSpeed: 4 },
  });
  mock = await gateway.listen();
  stack = await startStack({
    upstream: { url: mock.url, appkey: APPKEY, accessToken: ACCESS_TOKEN },
    mode: 'preview',
  });
  profile = mkdtempSync(join(tmpdir(), 'tvs-web-chromium-'));
  browser = await launch(profile);
  page = browser.pages()[0] ?? (await browser.newPage());
  ({ seen, settled } = record(page));
  await page.goto(stack.url);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await mock?.close();
  gateway?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The one session the page has open. */
function live() {
  const open = gateway.sessions.list().filter((session) => session.status === 1);
  expect(open).toHaveLength(1);
  return open[0]!;
}

/** Waits until `selector` shows `text`. */
const shows = (selector: string, text: string) =>
  page.locator(selector, { hasText: text }).first().waitFor();

describe('the gallery', () => {
  it('shows avatars with thumbnails and voices, a page at a time as the API pages them', async () => {
    await page.locator('body[data-ready="true"]').waitFor();
    const avatars = page.locator('#avatars .card');
    expect(await avatars.count()).toBe(8);
    await shows('#avatars .page-status', 'Page 1 of 6');
    await shows('#voices .page-status', 'Page 1 of 4');
    expect(await page.locator('#voices .card').count()).toBe(8);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('#avatars img')].every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );
    // The first avatar and the first voice that fits it are picked.
    expect(await page.locator('#avatars input:checked').count()).toBe(1);
    expect(await page.locator('#voices input:checked').count()).toBe(1);
    await screenshot(page, 'gallery');

    const firstName = await avatars.first().locator('.name').textContent();
    await page.getByRole('button', { name: 'Next page of avatars' }).click();
    await shows('#avatars .page-status', 'Page 2 of 6');
    expect(await avatars.first().locator('.name').textContent()).not.toBe(firstName);
    await page.getByRole('button', { name: 'Previous page of avatars' }).click();
    await shows('#avatars .page-status', 'Page 1 of 6');
  });

  it('is usable from the keyboard: arrow keys move the pick', async () => {
    await page.locator('#avatars input:checked').focus();
    const before = await page.locator('#avatars input:checked').inputValue();
    await page.keyboard.press('ArrowRight');
    const after = await page.locator('#avatars input:checked').inputValue();
    expect(after).not.toBe(before);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      after,
    );
  });
});

describe('text to video', () => {
  it('shows the queue position, then the percent, then plays the video with its subtitles', async () => {
    // Two tasks of someone else's: one takes the one render slot, one waits ahead of the page's.
    const node = createClient({ appkey: APPKEY, accessToken: ACCESS_TOKEN, baseUrl: mock.url });
    const [someAvatar] = gateway.catalogue.avatars;
    for (let i = 0; i < 2; i++) {
      await node.video.make({
        VirtualmanKey: someAvatar!.VirtualmanKey,
        InputSsml: LONG_SCRIPT,
        SpeechParam: { Speed: 1 },
      });
    }
    const ahead = gateway.tasks.slice(-2);

    await page.locator('#script').fill(LONG_SCRIPT);
    await page.locator('#format').selectOption('Mp4');
    await page.getByRole('button', { name: 'Make the video' }).click();
    await shows('#video-state', 'Queued: 1 task ahead');
    await screenshot(page, 'video-queued');

    // Gateway time skips the tasks ahead; the page's task renders, and the page shows percent.
    await gateway.clock.advance(ahead[0]!.renderMs + ahead[1]!.renderMs);
    await shows('#video-state', 'Rendering:');
    expect(await page.locator('#video-state').textContent()).toMatch(/^Rendering: \d+%$/);
    const mine = gateway.tasks.at(-1)!;
    await gateway.clock.advance(mine.renderMs);
    await shows('#video-state', 'Done: 100%');

    await page.locator('#video').waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const video = document.querySelector('video')!;
      const track = document.querySelector('track')!;
      return (
        video.readyState >= 2 &&
        track.readyState === 2 &&
        (video.textTracks[0]?.cues?.length ?? 0) > 0
      );
    });
    // It plays: currentTime moves on, and the first subtitle shows.
    await page.evaluate(() => {
      const video = document.querySelector('video')!;
      video.muted = true;
      return video.play();
    });
    await page.waitForFunction(() => {
      const video = document.querySelector('video')!;
      return video.currentTime > 0.5 && (video.textTracks[0]?.activeCues?.length ?? 0) > 0;
    });
    const shown = await page.evaluate(() => {
      const video = document.querySelector('video')!;
      video.pause();
      const track = video.textTracks[0]!;
      return {
        mode: track.mode,
        cue: (track.activeCues![0] as VTTCue).text,
        src: video.currentSrc,
      };
    });
    expect(shown.mode).toBe('showing');
    expect(LONG_SCRIPT).toContain(shown.cue);
    const link = page.getByRole('link', { name: 'Download the video' });
    expect(await link.getAttribute('href')).toBe(shown.src);
    await screenshot(page, 'video-playing');
  });

  // The content review refuses a script at submission, with API code 801005 (1240/81277).
  it('explains a refused script as the CLI does (801005)', async () => {
    await page.locator('#script').fill('This line has a blockedword in it.');
    await page.getByRole('button', { name: 'Make the video' }).click();
    await shows('#video-error .headline', 'error 801005');
    const panel = await page.locator('#video-error [role="alert"]').textContent();
    expect(panel).toContain('The gateway refused the call: error 801005 (content).');
    expect(panel).toContain('What it means: ');
    expect(panel).toContain('Rephrase the text: it failed the content review.');
    await screenshot(page, 'video-error');
  });
});

describe('a phone', () => {
  it('reads at 375 px without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await screenshot(page, 'phone');
    await page.setViewportSize({ width: 1100, height: 900 });
  });
});

describe('live chat', () => {
  /** The transcript line of the last drive of `kind`, once it has ended `how`. */
  const ended = (kind: string, how: string) =>
    page.locator(`#transcript li[data-kind="${kind}"][data-final="${how}"]`).last().waitFor();

  it('opens a session with the lifecycle helper and shows its state', async () => {
    await page.getByRole('button', { name: 'Start the chat' }).click();
    await page.locator('#chat-state[data-state="ready"]').waitFor();
    const [session] = gateway.sessions.list().filter((s) => s.status === 1);
    expect(session).toMatchObject({ started: true, driverType: 3 });
  });

  it('speaks a typed line to TextOver, showing each speak status', async () => {
    await page.getByLabel('Line to say').fill('Hello there, nice to meet you.');
    await page.getByLabel('Line to say').press('Enter');
    await page.locator('#chat-state[data-state="speaking"]').waitFor();
    await ended('line', 'TextOver');
    const statuses = await page.locator('#transcript li[data-kind="line"] .statuses').textContent();
    expect(statuses).toMatch(/^(WaitingTextStart → )?TextStart → TextOver$/);
  });

  it('streams a multi-sentence reply with streamText', async () => {
    await page.getByRole('button', { name: 'Stream a reply' }).click();
    await page.locator('#transcript li[data-kind="stream"]', { hasText: 'TextStart' }).waitFor();
    await page.locator('#chat-state[data-state="speaking"]').waitFor();
    await screenshot(page, 'chat-speaking');
    await ended('stream', 'TextOver');
    const drive = live().drives.find((d) => d.kind === 'stream')!;
    expect(drive.packets).toBeGreaterThan(10);
    expect(drive.text).toBe(
      await page.evaluate(
        () => document.querySelector('#transcript li[data-kind="stream"] q')!.textContent,
      ),
    );
  });

  it('pushes a recorded clip with sendAudio, paced as the gateway asks', async () => {
    await page.getByRole('button', { name: 'Send a recorded clip' }).click();
    await ended('audio', 'AudioOver');
    const drive = live().drives.find((d) => d.kind === 'audio')!;
    expect(drive.audio!.durationMs).toBeGreaterThan(1000);
    expect(drive.audio!.realTimeFactor).toBeGreaterThanOrEqual(0.75);
  });

  it('interrupts the avatar mid-reply', async () => {
    await page.getByRole('button', { name: 'Stream a reply' }).click();
    await page
      .locator('#transcript li[data-kind="stream"]', { hasText: 'TextStart' })
      .nth(1)
      .waitFor();
    await page.getByRole('button', { name: 'Interrupt and say it' }).click();
    await ended('stream', 'interrupted');
    await ended('interrupt', 'TextOver');
    expect(live().drives.filter((d) => d.interrupted)).toHaveLength(1);
  });

  it('explains a refused line (801005) as the CLI does', async () => {
    await page.getByLabel('Line to say').fill('Please say blockedword for me.');
    await page.getByRole('button', { name: 'Say it', exact: true }).click();
    await shows('#chat-error .headline', 'error 801005');
    const panel = await page.locator('#chat-error [role="alert"]').textContent();
    expect(panel).toMatch(/The gateway refused the text \(ReqId [0-9a-f]{32}\): error 801005\./);
    expect(panel).toContain('Rephrase the text: it failed the content review.');
    expect(await page.locator('#chat-state').textContent()).toBe('ready');
    await screenshot(page, 'chat');
  });
});

describe('secrets', () => {
  it('not one response, page source, script bundle or console line has the token or a signature', async () => {
    await settled();
    expect(seen.responses.length).toBeGreaterThan(20);
    const token = [ACCESS_TOKEN, encodeURIComponent(ACCESS_TOKEN), btoa(ACCESS_TOKEN)];
    const signatureValue = /signature=(?!REDACTED)[A-Za-z0-9%+/=]{16,}/;
    const has = (text: string, needles: readonly string[]) => needles.some((n) => text.includes(n));
    // The script bundle carries the client's code, which names `signature=` to redact it from
    // logs: there, no token and no signature value. Everywhere else, not even `signature=`.
    const leaks = (text: string) =>
      /^\S+\.js\n/.test(text)
        ? has(text, token) || signatureValue.test(text)
        : has(text, [...token, 'signature=']);
    const bundle = join(import.meta.dirname, '..', 'dist', 'page', 'assets');
    const scripts = readdirSync(bundle)
      .filter((name) => name.endsWith('.js'))
      .map((name) => `${name}\n${readFileSync(join(bundle, name), 'utf8')}`);
    const texts = [
      ...seen.responses,
      ...seen.console,
      ...seen.sockets,
      `page source\n${await page.content()}`,
      ...scripts,
    ];
    // Where it leaked, not the whole text (a bundle is long).
    expect(texts.filter(leaks).map((text) => text.slice(0, 120))).toEqual([]);
  });
});

describe('leaving the page', () => {
  it('closes the session on pagehide', async () => {
    const { sessionId } = live();
    await page.goto('about:blank');
    await expect.poll(() => gateway.sessions.get(sessionId)?.status, { timeout: 20_000 }).toBe(2);
    // Closed by the page's own closesession, not by a timeout.
    const closes = gateway.calls.filter((call) => call.path.endsWith('/closesession'));
    expect(closes.map((call) => call.code)).toEqual([0]);
  });
});

describe('the dev server', () => {
  it('serves the same page from the sources, as `pnpm demo web` does', async () => {
    const dev = await startStack({
      upstream: { url: mock.url, appkey: APPKEY, accessToken: ACCESS_TOKEN },
      mode: 'dev',
    });
    const tab = await browser.newPage();
    try {
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(dev.url);
      await tab.locator('body[data-ready="true"]').waitFor();
      expect(await tab.locator('#avatars .card').count()).toBe(8);
      expect(await tab.getByRole('button', { name: 'Make the video' }).isEnabled()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await tab.close();
      await dev.close();
    }
  });
});
