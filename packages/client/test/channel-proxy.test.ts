import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@tvs/client';
import { COMMAND_CHANNEL_PATH } from '@tvs/envelope';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { printed } from './helpers.js';

const BEARER = 'edge-bearer-SECRET-0123456789abcdef';
const SESSION = 'm318552187863054171';

/** A stand-in for a signing proxy on loopback: records each handshake and each frame. */
let proxy: WebSocketServer;
let base: string;
const handshakes: Array<{ url: string; protocols: string | undefined }> = [];
const frames: string[] = [];

beforeAll(async () => {
  proxy = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    // Echo the fixed name, never the bearer element (as the edge signer does).
    handleProtocols: (offered) => (offered.has('tvs-edge-signer') ? 'tvs-edge-signer' : false),
  });
  proxy.on('connection', (socket, request: IncomingMessage) => {
    handshakes.push({
      url: request.url ?? '',
      protocols: request.headers['sec-websocket-protocol'],
    });
    socket.on('message', (data) => frames.push(String(data)));
  });
  await new Promise((resolve) => proxy.once('listening', resolve));
  base = `ws://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => proxy.close(resolve)));

describe('commandChannel through a signing proxy (url, protocols)', () => {
  it('connects to the url with only requestid, offers the protocols, and never signs', async () => {
    // A client that holds credentials: the channel must still leave the signing to the proxy.
    const client = createClient({ appkey: 'app-proxy', accessToken: 'tok-proxy-SECRET' });
    const channel = client.commandChannel(SESSION, {
      url: `${base}${COMMAND_CHANNEL_PATH}`,
      protocols: ['tvs-edge-signer', `bearer.${BEARER}`],
      driverType: 1,
      reconnect: false,
    });
    await channel.opened();
    const drive = await channel.sendText('Hello through the proxy.');
    await expect.poll(() => frames.length).toBeGreaterThan(0);
    await channel.close();

    const [handshake] = handshakes.slice(-1);
    const url = new URL(handshake!.url, base);
    expect(url.pathname).toBe(COMMAND_CHANNEL_PATH);
    expect([...url.searchParams]).toEqual([['requestid', SESSION]]);
    expect(handshake!.protocols).toBe(`tvs-edge-signer, bearer.${BEARER}`);
    const frame = JSON.parse(frames.at(-1)!) as { Payload: Record<string, unknown> };
    expect(frame.Payload).toMatchObject({ SessionId: SESSION, ReqId: drive.reqId });
  });

  it('takes an http(s) url as ws(s) and one protocol as a string', async () => {
    const client = createClient({ baseUrl: 'https://edge.example' });
    const channel = client.commandChannel(SESSION, {
      url: `${base.replace('ws:', 'http:')}/tvs${COMMAND_CHANNEL_PATH}`,
      protocols: 'tvs-edge-signer',
      reconnect: false,
    });
    await channel.opened();
    await channel.close();
    const handshake = handshakes.at(-1)!;
    expect(handshake.url).toBe(`/tvs${COMMAND_CHANNEL_PATH}?requestid=${SESSION}`);
    expect(handshake.protocols).toBe('tvs-edge-signer');
  });

  it('refuses a bad url or protocols up front, never quoting a protocol', async () => {
    const client = createClient({ baseUrl: 'https://edge.example' });
    const open = (options: object) => () => client.commandChannel(SESSION, options);
    for (const url of [
      'not a url',
      'ftp://edge.example/x',
      'wss://user:pass@edge.example/x',
      'wss://edge.example/x?signature=abc',
      'wss://edge.example/x?requestid=other',
      42,
    ]) {
      expect(open({ url })).toThrow(TypeError);
    }
    const bad = [
      `bearer ${BEARER}`,
      [`bearer.${BEARER}`, `bearer.${BEARER}`],
      [],
      [42],
      `é${BEARER}`,
    ];
    for (const protocols of bad) {
      let error: unknown;
      try {
        open({ url: `${base}${COMMAND_CHANNEL_PATH}`, protocols })();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect(await printed(error)).not.toContain(BEARER);
    }
  });
});
