import { createClient, createPoller, readTaskProgress, type VideoProgress } from '@tvs/client';

const client = createClient();
const poller = createPoller({ maxInFlight: 4 });
const { Virtualmans } = await client.assets.listAvatars({ PageIndex: 1, PageSize: 1 });
const VirtualmanKey = String(Virtualmans[0]?.['VirtualmanKey']);
const made = await Promise.all(
  ['One.', 'Two.', 'Three.'].map((InputSsml) =>
    client.video.make({ VirtualmanKey, InputSsml, SpeechParam: { Speed: 1 } }),
  ),
);
const results = await Promise.all(
  made.map(({ TaskId }) =>
    poller.track<VideoProgress, VideoProgress>({
      poll: (signal) => client.video.progress({ TaskId }, { signal }),
      next: (progress) => {
        const { phase, queuePosition } = readTaskProgress(progress);
        if (phase === 'success' || phase === 'failed') return { done: true, value: progress };
        return { done: false, delayMs: 2_000 * (1 + queuePosition) };
      },
    }).done,
  ),
);
for (const progress of results) console.log(progress.Status ?? progress.Progress, progress.MediaUrl);
