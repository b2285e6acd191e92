// mock.test.ts — run with: pnpm exec vitest run mock.test.ts
import { createMockGateway } from '@tvs/mock-gateway';
import { createSigner } from '@tvs/signer';
import { expect, it } from 'vitest';

it('renders a video', async () => {
  const credentials = { appkey: 'demo-appkey', accessToken: 'demo-token' };
  const gateway = createMockGateway({
    credentials: [credentials],
    now: () => Date.UTC(2025, 0, 1),
  });
  const server = await gateway.listen(); // http://127.0.0.1:<random port>
  const signer = createSigner(credentials, { now: gateway.clock.now });
  const call = async (path: string, Payload: object) =>
    (
      await fetch(signer.signUrl(`${server.url}/v2/ivh/${path}`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json;charset=utf-8' },
        body: JSON.stringify({ Header: {}, Payload }),
      })
    ).json();

  const VirtualmanKey = gateway.catalogue.avatars[0]!.VirtualmanKey;
  const made = await call('videomaker/broadcastservice/videomake', {
    VirtualmanKey,
    InputSsml: '你好。',
    SpeechParam: { Speed: 1 },
  });
  await gateway.clock.advance(60_000); // rendering is instant and deterministic
  const { Payload } = await call('videomaker/broadcastservice/getprogress', {
    TaskId: made.Payload.TaskId,
  });
  expect(Payload.Status).toBe('SUCCESS');
  const video = await fetch(Payload.MediaUrl); // a real, playable file
  expect(video.headers.get('content-type')).toBe('video/webm');
  await video.arrayBuffer();
  await server.close();
});
