// worker.ts: the same in a Worker (Cloudflare Workers, Deno Deploy, Bun.serve)
import { createClient, decodeTaskCallback, TvsEnvelopeError } from '@tvs/client';

export default {
  async fetch(request: Request, env: { TVS_APPKEY: string; TVS_ACCESS_TOKEN: string }) {
    let taskId: string;
    try {
      taskId = decodeTaskCallback(await request.text()).TaskId;
    } catch (error) {
      return new Response(null, { status: error instanceof TvsEnvelopeError ? 400 : 500 });
    }
    const client = createClient({ appkey: env.TVS_APPKEY, accessToken: env.TVS_ACCESS_TOKEN });
    const progress = await client.video.progress({ TaskId: taskId });
    console.log(taskId, progress.Status ?? progress.Progress, progress.MediaUrl);
    return new Response(null, { status: 200 });
  },
};
