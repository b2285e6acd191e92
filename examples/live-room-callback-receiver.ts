// live-room-callback-receiver.ts: the endpoint of a live room's CallbackUrl (1240/112145).
// Run with: TVS_CALLBACK_SIGN_KEY=… node live-room-callback-receiver.ts   (PORT, default 8080)
// Unlike task callbacks, these are signed: reqid, timestamp and signature in the query, an
// HMAC-SHA256 under the sign key Tencent hands over offline. Check it before believing the body.
import { createServer } from 'node:http';
import { decodeLiveRoomCallback, LIVE_ROOM_STATUS, TvsEnvelopeError } from '@tvs/envelope';
import { verifyCallbackUrl } from '@tvs/signer';

const signKey = process.env.TVS_CALLBACK_SIGN_KEY;
if (!signKey) throw new Error('Set TVS_CALLBACK_SIGN_KEY, the key Tencent gave you for callbacks.');
const port = Number(process.env.PORT ?? 8080);
const statusName = (status: unknown) =>
  Object.entries(LIVE_ROOM_STATUS).find(([, value]) => value === status)?.[0] ?? String(status);

createServer(async (request, response) => {
  // Only the query is signed, and only reqid and timestamp; a stale timestamp (±5 min) fails too.
  const verdict = verifyCallbackUrl(new URL(request.url ?? '/', 'http://receiver'), signKey);
  if (request.method !== 'POST' || !verdict.ok) {
    response.writeHead(verdict.ok ? 405 : 401).end();
    return;
  }
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 65_536) {
      response.writeHead(413).end();
      return;
    }
  }
  try {
    const event = decodeLiveRoomCallback(body); // MsgData arrives as JSON text: parsed here
    if (event.MsgType === 'LiveRoomStatus') {
      const { LiveRoomId, Status, VideoStreamPlayUrl } = event.MsgData;
      console.log(`room ${LiveRoomId}: ${statusName(Status)} ${VideoStreamPlayUrl ?? ''}`);
    } else {
      console.log(`${event.MsgType} for request ${verdict.reqid}:`, event.MsgData);
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  } catch (error) {
    response.writeHead(error instanceof TvsEnvelopeError ? 400 : 500).end();
  }
}).listen(port, () => console.log(`receiving live-room callbacks on port ${port}`));
