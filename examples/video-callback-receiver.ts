// video-callback-receiver.ts: the endpoint a video task's CallbackUrl points at.
// Run with: node video-callback-receiver.ts   (listens on PORT, default 8080)
// Make videos with CallbackUrl: 'https://<your host>/tvs/callback'. When a task ends, the gateway
// POSTs { Payload: { TaskId, Status, Progress, MediaUrl, … } } there once, unsigned and never
// again (1240/81279): a hint to look at the task now, instead of polling it.
import { createServer } from 'node:http';
import { createClient, decodeTaskCallback, TvsEnvelopeError } from '@tvs/client';

const client = createClient();
const port = Number(process.env.PORT ?? 8080);

createServer(async (request, response) => {
  if (request.method !== 'POST' || request.url?.split('?')[0] !== '/tvs/callback') {
    response.writeHead(404).end();
    return;
  }
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 65_536) {
      response.writeHead(413).end(); // no callback is that big
      return;
    }
  }
  let taskId: string;
  try {
    taskId = decodeTaskCallback(body).TaskId;
  } catch (error) {
    response.writeHead(error instanceof TvsEnvelopeError ? 400 : 500).end();
    return;
  }
  // Answer at once (what to answer is not documented; the gateway waits for nobody).
  response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  // Anyone can POST to this URL: what the task really is, getprogress says.
  try {
    const task = await client.video.progress({ TaskId: taskId });
    const result = task.MediaUrl ?? task.FailMessage ?? '';
    console.log(`task ${taskId}: ${task.Status ?? task.Progress} ${result}`);
  } catch (error) {
    console.error(`task ${taskId}: could not confirm it:`, error);
  }
}).listen(port, () => console.log(`receiving task callbacks on port ${port}, /tvs/callback`));
