// A stand-in for an OpenAI-compatible chat API on 127.0.0.1: `POST /v1/chat/completions` with
// `stream: true` answers server-sent events, one token per `data:` line, then `data: [DONE]`,
// split across writes as a real stream may be. For stream-llm.ts.
import { createServer } from 'node:http';

const ANSWER = ['A', ' digital', ' human', ' speaks', ' your', ' words', ',', ' live', '.'];

export async function startFakeLlm() {
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const { stream, messages } = JSON.parse(body || '{}');
    if (request.url !== '/v1/chat/completions' || stream !== true || !messages?.length) {
      response.writeHead(400).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream' });
    for (const token of ANSWER) {
      const event = `data: ${JSON.stringify({ choices: [{ delta: { content: token } }] })}\n\n`;
      // Half an event, then the rest: the reader must put pieces together.
      response.write(event.slice(0, 10));
      await new Promise((resolve) => setTimeout(resolve, 5));
      response.write(event.slice(10));
    }
    response.end('data: [DONE]\n\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/v1`,
    answer: ANSWER.join(''),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
