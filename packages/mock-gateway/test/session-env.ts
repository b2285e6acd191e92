// A mock gateway with one session, driven over HTTP and through the channel host API (a
// socket-less connection, as a transport adapter makes), on a virtual clock.
import { COMMAND_CHANNEL_PATH } from '@tvs/envelope';
import { createMockGateway, type MockDrive, type MockGatewayOptions } from '@tvs/mock-gateway';
import { APPKEY, post, signedUrl, T0, TOKEN } from './sign.js';

export const S = '/v2/ivh/sessionmanager/sessionmanagerservice/';
/** The HTTP drive command (1240/100404). */
export const COMMAND = '/v2/ivh/interactdriver/interactdriverservice/command';
let counter = 0;
export const reqId = () => (0x1000 + ++counter).toString(16).padStart(32, 'a');

// biome-ignore lint/suspicious/noExplicitAny: test convenience
export type Frame = { Header: Record<string, any>; Payload: Record<string, any> };

export async function setup(sessions: MockGatewayOptions['sessions'] = {}, driverType = 3) {
  const gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => T0,
    sessions: { prepareMs: 0, ...sessions },
  });
  const sign = (path: string, extra: Record<string, string> = {}, token?: string) =>
    signedUrl('http://gw.test', path, {
      timestamp: Math.floor(gateway.clock.now() / 1000),
      extra,
      ...(token ? { token } : {}),
    });
  const call = async (path: string, payload: Record<string, unknown>) =>
    (
      await post(
        sign(path),
        { ReqId: reqId(), ...payload },
        { fetcher: gateway.fetch as typeof fetch },
      )
    ).json as Frame;
  const created = await call(`${S}createsession`, {
    VirtualmanProjectId: 'p',
    UserId: `u${counter}`,
    Protocol: 'webrtc',
    DriverType: driverType,
  });
  const SessionId = created.Payload.SessionId as string;
  const channelUrl = (extra: Record<string, string> = { requestid: SessionId }, token?: string) =>
    sign(COMMAND_CHANNEL_PATH, extra, token);
  /** The HTTP drive command's answer for this `Data`. */
  const drive = (Data: Record<string, unknown>, id = reqId()) =>
    call(COMMAND, { ReqId: id, SessionId, Command: 'SEND_TEXT', Data });

  /** A socket-less connection through the host API: what a transport adapter does. */
  function connect() {
    const received: Frame[] = [];
    const closes: Array<[number, string]> = [];
    let terminated = false;
    const connection = gateway.commandChannel.connect(SessionId, {
      send: (text) => received.push(JSON.parse(text)),
      close: (code, reason) => closes.push([code, reason]),
      terminate: () => {
        terminated = true;
      },
    });
    const send = (Command: string, Data: Record<string, unknown>, id = reqId(), sid = SessionId) =>
      connection.receive(
        JSON.stringify({ Header: {}, Payload: { ReqId: id, SessionId: sid, Command, Data } }),
      );
    /** {@link speech} of what this connection received, with the session's drive records. */
    const spoken = () => speech(received, gateway.sessions.get(SessionId)?.drives);
    return { connection, received, closes, send, speech: spoken, terminated: () => terminated };
  }
  return { gateway, call, drive, SessionId, channelUrl, connect };
}

/** `[Type, SpeakStatus, Code?]` of each downlink message. */
export const statuses = (frames: Frame[]) =>
  frames.map((f) =>
    [f.Payload.Type, f.Payload.SpeakStatus, f.Payload.Code].filter((x) => x !== undefined),
  );

/**
 * `[ReqId, SpeakStatus]` of each downlink message, with `!` after the last status of a drive the
 * gateway's record says was cut short (the messages themselves carry no such field).
 */
export const speech = (frames: Frame[], drives: readonly MockDrive[] = []) =>
  frames.map((f) => {
    const cut =
      (f.Payload.SpeakStatus === 'TextOver' || f.Payload.SpeakStatus === 'AudioOver') &&
      drives.some((d) => d.reqId === f.Payload.ReqId && d.interrupted);
    return [f.Payload.ReqId, `${f.Payload.SpeakStatus}${cut ? '!' : ''}`];
  });
