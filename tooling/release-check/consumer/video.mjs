// Run in the consumer project: the installed @tvs/client makes a video against the installed
// @tvs/mock-gateway over a loopback socket, waits for it and downloads the result.
import { createClient } from '@tvs/client';
import { createMockGateway } from '@tvs/mock-gateway';

const credentials = { appkey: 'release-verify', accessToken: 'release-verify-token' };
const gateway = createMockGateway({ credentials: [credentials], now: () => Date.UTC(2025, 0, 1) });
const server = await gateway.listen();
try {
  const client = createClient({ ...credentials, baseUrl: server.url, now: gateway.clock.now });
  const { TaskId } = await client.video.make({
    VirtualmanKey: gateway.catalogue.avatars[0].VirtualmanKey,
    InputSsml: 'Hello from the release rehearsal.',
    SpeechParam: { Speed: 1 },
  });
  const states = [];
  const done = await client.video.waitFor(TaskId, {
    pollInterval: 20,
    timeout: 30_000,
    // The gateway renders on a virtual clock: each poll that sees the task running moves it on.
    onProgress: (progress) => {
      states.push(progress.Status);
      void gateway.clock.advance(30_000);
    },
  });
  if (done.Status !== 'SUCCESS') throw new Error(`video ended ${done.Status}`);
  const media = await fetch(done.MediaUrl);
  const bytes = (await media.arrayBuffer()).byteLength;
  if (!media.ok || bytes === 0) throw new Error(`MediaUrl answered ${media.status}, ${bytes} B`);
  const node = process.versions.node;
  console.log(
    `node ${node}: @tvs/client made video ${TaskId} on @tvs/mock-gateway (${states.join(' → ')}), ${bytes} B of ${media.headers.get('content-type')}`,
  );
} finally {
  await server.close();
  gateway.close();
}
