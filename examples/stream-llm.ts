// stream-llm.ts: an LLM's answer spoken by the avatar while it is still being written.
// Run with: node stream-llm.ts <VirtualmanProjectId> "What can a digital human do?"
// LLM_BASE_URL is any OpenAI-compatible chat API (default: Ollama on this machine), LLM_MODEL
// its model, LLM_API_KEY its key when it wants one.
import { createClient } from '@tvs/client';

const [VirtualmanProjectId, question = 'What can a digital human do?'] = process.argv.slice(2);
if (!VirtualmanProjectId)
  throw new Error('Usage: node stream-llm.ts <VirtualmanProjectId> [question]');
const llm = process.env.LLM_BASE_URL ?? 'http://127.0.0.1:11434/v1';
const model = process.env.LLM_MODEL ?? 'qwen2.5';

/** The tokens of a streamed chat completion: server-sent events, one `data: {…}` line each. */
async function* tokens(prompt: string): AsyncGenerator<string> {
  const response = await fetch(`${llm}/chat/completions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(process.env.LLM_API_KEY ? { Authorization: `Bearer ${process.env.LLM_API_KEY}` } : {}),
    },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: prompt }] }),
  });
  if (!response.ok || !response.body) throw new Error(`the LLM answered HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const lines = (pending + value).split('\n');
    pending = lines.pop() ?? ''; // an event may arrive in pieces
    for (const line of lines) {
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (data === '[DONE]') return;
      const token = JSON.parse(data).choices?.[0]?.delta?.content;
      if (typeof token === 'string' && token !== '') {
        process.stdout.write(token);
        yield token;
      }
    }
  }
}

const client = createClient();
await client.sessions.run(
  { VirtualmanProjectId, UserId: `llm-${process.pid}`, Protocol: 'webrtc', DriverType: 1 },
  async ({ channel }) => {
    channel.on('message', ({ message }) => {
      if (message.SpeakStatus === 'TextStart') console.log('\n  (the avatar starts speaking)');
    });
    // Each token goes out as it comes (SEND_STREAMTEXT, Seq 1, 2, …), so the avatar starts
    // speaking after the first words, not after the whole answer; the final packet follows
    // the last token, or an error of the LLM.
    const reply = await channel.streamText(tokens(question));
    await reply.finished();
    console.log('\n  (the avatar has said it all)');
  },
);
