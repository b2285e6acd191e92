// make-video.ts: a video from text, with its progress. Against the mock gateway:
//   npx tvs-mock-gateway            (http://127.0.0.1:8787, appkey demo-appkey, token demo-access-token)
//   TVS_BASE_URL=http://127.0.0.1:8787 TVS_APPKEY=demo-appkey TVS_ACCESS_TOKEN=demo-access-token node make-video.ts
// Against the gateway: leave TVS_BASE_URL out and use your own appkey and token.
import { createClient } from '@tvs/client';

const client = createClient(); // TVS_APPKEY, TVS_ACCESS_TOKEN, TVS_REGION, TVS_BASE_URL
const { Virtualmans } = await client.assets.listAvatars({ PageIndex: 1, PageSize: 1 });
const VirtualmanKey = Virtualmans[0]?.['VirtualmanKey'];
if (typeof VirtualmanKey !== 'string') throw new Error('this account has no avatar');

const { TaskId } = await client.video.make({
  VirtualmanKey,
  InputSsml: 'Hello from the TVS SDK.',
  SpeechParam: { Speed: 1 }, // required (1211/62087)
});
const { MediaUrl } = await client.video.waitFor(TaskId, {
  onProgress: (p) => console.log(p.Status ?? '', p.Progress ?? '', p.ArrayCount ?? ''),
});
console.log(MediaUrl); // a transparent WebM unless VideoParam.Format says otherwise
