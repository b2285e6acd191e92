// callback-server.ts: node callback-server.ts (listens on 8080 until stopped)
import { createServer } from 'node:http';
import { createClient, decodeTaskCallback, TvsEnvelopeError } from '@tvs/client';

const client = createClient();
createServer(async (request, response) => {
  let body = '';
  for await (const chunk of request) body += chunk;
  try {
    const { TaskId } = decodeTaskCallback(body);
    response.writeHead(200).end();
    const progress = await client.video.progress({ TaskId }); // the truth, not the callback
    console.log(TaskId, progress.Status ?? progress.Progress, progress.MediaUrl);
  } catch (error) {
    if (!response.headersSent) response.writeHead(error instanceof TvsEnvelopeError ? 400 : 500).end();
  }
}).listen(8080);
