import { createClient } from '@tvs/client';

const client = createClient();
const VirtualmanProjectId = process.env.TVS_PROJECT_ID ?? 'demo-project'; // any id on the mock
async function* reply() {
  for (const token of ['Hello', ' from', ' a streamed', ' reply.']) yield token;
}
const oneSecondOfSilence = new Uint8Array(32_000); // 16 kHz, 16-bit, mono PCM

await client.sessions.run(
  { VirtualmanProjectId, UserId: 'user-1', Protocol: 'webrtc', DriverType: 3 },
  async ({ channel, created }) => {
    console.log('play', created.PlayStreamAddr);
    channel.on('message', ({ message }) => console.log(message.ReqId, message.SpeakStatus));
    await (await channel.sendText('Hello!')).finished(); // TextStart → … → TextOver
    await (await channel.streamText(reply())).finished(); // an LLM's tokens, as they come
    const audio = await channel.sendAudio(oneSecondOfSilence);
    console.log(audio.realTimeFactor); // ≈ 0.85
  },
  { signal: AbortSignal.timeout(120_000) },
);
