// page.ts: a browser page that makes a video through the edge signer (apps/edge-signer). The
// page holds no credential: its client points at the Worker, which checks the caller (origin
// and caller token), signs each allow-listed call with the secrets it keeps, and forwards it.
// Bundle it next to index.html (esbuild page.ts --bundle --format=esm --outfile=page.js) and
// write edge.json beside them: { "edgeUrl": "https://…workers.dev", "callerToken": "…" }.
import { createClient } from '@tvs/client';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $<HTMLOutputElement>('status');
const progress = $<HTMLProgressElement>('progress');
const video = $<HTMLVideoElement>('video');
const captions = $<HTMLTrackElement>('captions');

const edge: { edgeUrl: string; callerToken: string } = await (await fetch('./edge.json')).json();
// No appkey, no access token: the client's browser guard would refuse them here anyway.
const client = createClient({
  baseUrl: edge.edgeUrl,
  // The Worker's caller check: its bearer token on every call.
  hooks: {
    beforeRequest: [({ headers }) => headers.set('Authorization', `Bearer ${edge.callerToken}`)],
  },
});

async function makeVideo(text: string): Promise<void> {
  const { Virtualmans } = await client.assets.listAvatars({ PageIndex: 1, PageSize: 1 });
  const VirtualmanKey = String(Virtualmans[0]?.['VirtualmanKey']);
  const { TaskId } = await client.video.make({
    VirtualmanKey,
    InputSsml: text,
    SpeechParam: { Speed: 1 },
  });
  const done = await client.video.waitFor(TaskId, {
    onProgress: (p) => {
      progress.value = p.Progress ?? 0;
      status.value = p.ArrayCount ? `${p.ArrayCount} ahead in the queue` : 'rendering';
    },
  });
  if (done.SubtitlesUrl) captions.src = await webVtt(done.SubtitlesUrl);
  const playable = new Promise((resolve, reject) => {
    video.onloadedmetadata = resolve;
    video.onerror = () => reject(new Error('the video would not load'));
  });
  // A transparent WebM by default (VideoParam.Format), which browsers play as it is. The media
  // URL is the storage's own, pre-signed: the page fetches it directly, not through the Worker.
  video.src = String(done.MediaUrl);
  video.hidden = false;
  await playable;
  progress.value = 100;
  status.value = `done: ${Math.round((done.Duration ?? 0) / 1000)} s`;
}

/** The video's subtitles for its captions track: the gateway's SRT made the WebVTT browsers read. */
async function webVtt(srtUrl: string): Promise<string> {
  const srt = await (await fetch(srtUrl)).text();
  const vtt = `WEBVTT\n\n${srt.replace(/(\d\d:\d\d:\d\d),(\d\d\d)/g, '$1.$2')}`;
  return URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
}

$<HTMLButtonElement>('make').addEventListener('click', () => {
  document.body.dataset['state'] = 'working';
  makeVideo($<HTMLTextAreaElement>('script').value).then(
    () => {
      document.body.dataset['state'] = 'done';
    },
    (error: unknown) => {
      status.value = `failed: ${error instanceof Error ? error.message : String(error)}`;
      document.body.dataset['state'] = 'failed';
    },
  );
});
