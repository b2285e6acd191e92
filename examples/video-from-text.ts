// video-from-text.ts: a talking-avatar video from a line of text — made, followed while it
// renders, downloaded.
// Run with: node video-from-text.ts "Hello from the TVS SDK."
// TVS_APPKEY and TVS_ACCESS_TOKEN say who you are; TVS_BASE_URL=http://127.0.0.1:8787 sends the
// calls to `npx tvs-mock-gateway` instead of the real gateway.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createClient } from '@tvs/client';

const text = process.argv[2] ?? 'Hello from the TVS SDK.';
const client = createClient();

// The first avatar of the account that text can drive (some take only recorded voice).
let avatar: string | undefined;
for await (const candidate of client.assets.avatars()) {
  const drivers = candidate['SupportDriverTypes'];
  if (!Array.isArray(drivers) || drivers.includes('Text')) {
    avatar = String(candidate['VirtualmanKey']);
    break;
  }
}
if (!avatar) throw new Error('No avatar of this account takes text.');

const { TaskId } = await client.video.make({
  VirtualmanKey: avatar,
  InputSsml: text,
  SpeechParam: { Speed: 1 }, // required (1211/62087)
  VideoParam: { Format: 'Mp4' }, // without it: a transparent WebM
});
console.log(`task ${TaskId}`);

// Queued tasks report their place in the queue; rendering ones their percent.
const done = await client.video.waitFor(TaskId, {
  onProgress: (p) =>
    console.log(p.ArrayCount ? `queued, ${p.ArrayCount} ahead` : `rendering ${p.Progress ?? 0}%`),
});
if (!done.MediaUrl) throw new Error(`task ${TaskId} ended without a video`);

// MediaUrl is a pre-signed storage URL: fetch it as it is, no signature needed. It expires
// (results are kept 7 days), so keep the file, not the URL.
const file = `${TaskId}.mp4`;
const media = await fetch(done.MediaUrl);
if (!media.ok || !media.body) throw new Error(`download failed: HTTP ${media.status}`);
await pipeline(media.body, createWriteStream(file)); // streamed: videos can be large
console.log(
  `saved ${file} (${done.Duration ?? '?'} ms); subtitles: ${done.SubtitlesUrl ?? 'none'}`,
);
