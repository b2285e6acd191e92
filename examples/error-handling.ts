// error-handling.ts: what each error means for a video you asked for, and what to do when the
// answer to "make this video" was lost (TvsAmbiguousError): find out, never just send it again.
// Run with: node error-handling.ts "Your text."
// It receives the task's callback on PORT (default: any free port); TVS_CALLBACK_URL is the
// public URL that reaches it (a tunnel or your server), needed with the real gateway.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createClient,
  decodeTaskCallback,
  TvsAmbiguousError,
  TvsApiError,
  TvsTaskFailedError,
} from '@tvs/client';

const client = createClient();

// The gateway cannot look a task up by the request that made it. What can tell us about a lost
// answer is the task's callback, so each video carries its own job id in its CallbackUrl.
const callbacks = new Map<string, (taskId: string) => void>();
const server = createServer(async (request, response) => {
  let body = '';
  for await (const chunk of request) body += chunk;
  const job = new URL(request.url ?? '/', 'http://receiver').searchParams.get('job');
  try {
    const { TaskId } = decodeTaskCallback(body);
    response.writeHead(200).end('{}');
    if (job) callbacks.get(job)?.(TaskId);
  } catch {
    response.writeHead(400).end();
  }
});
server.listen(Number(process.env.PORT ?? 0));
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
const callbackBase = process.env.TVS_CALLBACK_URL ?? `http://127.0.0.1:${port}/tvs/callback`;

const job = randomUUID();
const callback = new Promise<string>((resolve) => callbacks.set(job, resolve));
const { Virtualmans } = await client.assets.listAvatars({ PageIndex: 1, PageSize: 1 });
const request = {
  VirtualmanKey: String(Virtualmans[0]?.['VirtualmanKey']),
  InputSsml: process.argv[2] ?? 'Made once, whatever the network does.',
  SpeechParam: { Speed: 1 },
  CallbackUrl: `${callbackBase}?job=${job}`,
};

let taskId: string;
try {
  ({ TaskId: taskId } = await client.video.make(request));
} catch (error) {
  if (error instanceof TvsAmbiguousError) {
    // The request may have reached the gateway (a timeout, a reset, a 5xx…): the video may be
    // rendering. Sending it again could make, and bill, a second one; the client never does.
    console.log(
      `no answer (${error.reason}), request ${error.requestId}: waiting for the callback`,
    );
    const heard = await Promise.race([callback, sleep(15 * 60_000, undefined, { ref: false })]);
    if (heard === undefined) {
      // Nothing for longer than a render takes: the video was most likely never made. Sending
      // it again is now a person's choice; quote the requestId to Tencent's support if in doubt.
      throw new Error(`no callback for request ${error.requestId}`, { cause: error });
    }
    taskId = heard;
    console.log(`reconciled: the lost answer was task ${taskId}`);
  } else if (error instanceof TvsApiError) {
    // The gateway said no. safeToResend: it refused before acting (throttled, busy) and the
    // client already retried; anything else needs a change (parameters, quota, content).
    console.error(
      `refused: ${error.code} ${error.explanation} (retry later: ${error.safeToResend})`,
    );
    throw error;
  } else {
    throw error;
  }
}

try {
  const done = await client.video.waitFor(taskId);
  console.log(`task ${taskId}: ${done.MediaUrl}`);
} catch (error) {
  // The task ran and failed: its FailCode says why (a blocked word, an input that would not download…).
  if (error instanceof TvsTaskFailedError)
    console.error(`failed: ${error.failCode} ${error.explanation}`);
  throw error;
} finally {
  server.close();
}
