// What the harness does to a server example once it listens: the part of the world the example
// waits for (the gateway's task callback, a signed live-room callback), and what proves that
// the example handled it.
import { pathToFileURL } from 'node:url';
import { installedEntry } from './consumer.mjs';

/**
 * @typedef {object} DriveContext
 * @property {string} url the example's server, `http://127.0.0.1:<PORT>`
 * @property {any} client the consumer's @tvs/client with the example's credentials
 * @property {any} gateway the mock gateway
 * @property {string} signKey the live-room callback sign key the example was given
 * @property {(pattern: RegExp, timeoutMs?: number) => Promise<string>} waitForOutput
 */

/** Imports a package as the consumer installed it. */
export const installed = async (name) => import(pathToFileURL(installedEntry(name)).href);

/** Makes a video whose `CallbackUrl` is the example; it must report the task from the callback. */
export async function taskCallback(/** @type {DriveContext} */ ctx) {
  const avatar = ctx.gateway.catalogue.avatars[0].VirtualmanKey;
  const { TaskId } = await ctx.client.video.make({
    VirtualmanKey: avatar,
    InputSsml: 'A callback, please.',
    SpeechParam: { Speed: 1 },
    CallbackUrl: `${ctx.url}/tvs/callback`,
  });
  await ctx.waitForOutput(new RegExp(`${TaskId}.*(SUCCESS|100)`));
  // Anyone can POST to the URL: something that is not a task callback is refused.
  const junk = await fetch(`${ctx.url}/tvs/callback`, { method: 'POST', body: 'not json' });
  if (junk.status !== 400) throw new Error(`a body that is not a callback got ${junk.status}`);
}

/**
 * POSTs a live-room status callback signed as the gateway signs it (1240/112145), then one with
 * a bad signature: the first must be accepted and reported, the second refused.
 */
export async function liveRoomCallback(/** @type {DriveContext} */ ctx) {
  const { signCallbackUrl } = await installed('@tvs/signer');
  const reqid = crypto.randomUUID().replaceAll('-', '');
  const body = JSON.stringify({
    ReqId: reqid,
    MsgType: 'LiveRoomStatus',
    MsgData: JSON.stringify({
      LiveRoomId: 'room-7',
      Status: 2,
      VideoStreamPlayUrl: 'https://play.example/live/room-7.flv',
    }),
  });
  const post = (url) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  const signed = signCallbackUrl(`${ctx.url}/tvs/live-room`, ctx.signKey, { reqid });
  const accepted = await post(signed);
  if (accepted.status !== 200) throw new Error(`a signed callback got ${accepted.status}`);
  await ctx.waitForOutput(/room-7/);
  const forged = signCallbackUrl(`${ctx.url}/tvs/live-room`, 'not-the-key', { reqid });
  const refused = await post(forged);
  if (refused.status !== 401) throw new Error(`a forged callback got ${refused.status}`);
}

/** A Worker that answers any request with the gateway's envelope: its answer must be a success. */
export async function envelopeAnswer(/** @type {DriveContext} */ ctx) {
  const response = await fetch(ctx.url);
  const body = await response.json();
  if (body?.Header?.Code !== 0) throw new Error(`the Worker answered ${JSON.stringify(body)}`);
}
