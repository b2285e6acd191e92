import { type JsonObject, operationByPath, type SessionSummary } from '@tvs/envelope';
import { createSigner } from '@tvs/signer';
import { CommandChannel, type CommandChannelOptions } from './command-channel/channel.js';
import type { Region } from './hosts.js';
import { createTransport } from './internal/transport.js';
import { type BindOperation, operationCall } from './operation-call.js';
import { type ClientOptions, resolveOptions } from './options.js';
import { createPoller } from './poller.js';
import type { ApiResponse, RawRequestOptions } from './request-options.js';
import { type AssetsApi, createAssetsApi } from './resources/assets.js';
import { type CloningApi, createCloningApi } from './resources/cloning.js';
import { createDriveApi, type DriveApi } from './resources/drive.js';
import { createFaceDetectApi, type FaceDetectApi } from './resources/face-detect.js';
import { createLiveRoomsApi, type LiveRoomsApi } from './resources/live-rooms.js';
import { createPptApi, type PptApi } from './resources/ppt.js';
import { createSessionsApi, type SessionsApi } from './resources/sessions.js';
import { createVideoApi, type VideoApi } from './resources/video.js';

/** A client for the TVS gateway. Holds no readable copy of the access token. */
export interface TvsClient {
  /** The region's host, or `baseUrl` when given. */
  readonly baseUrl: string;
  readonly region: Region;
  /** The application key (not secret). */
  readonly appkey: string | undefined;
  /**
   * Calls any gateway path with the envelope, signing, skew correction and retries. Whether
   * the call may be repeated comes from the operation table (unknown paths: not idempotent).
   * @example
   * ```ts
   * const { payload, requestId } = await client.request(
   *   '/v2/ivh/videomaker/broadcastservice/getprogress',
   *   { TaskId: '123' },
   * );
   * ```
   */
  request<P extends object = JsonObject>(
    path: string,
    payload: object,
    options?: RawRequestOptions,
  ): Promise<ApiResponse<P>>;
  readonly video: VideoApi;
  readonly ppt: PptApi;
  readonly assets: AssetsApi;
  readonly cloning: CloningApi;
  readonly faceDetect: FaceDetectApi;
  readonly liveRooms: LiveRoomsApi;
  readonly sessions: SessionsApi;
  /** The HTTP drive command: make a started session's avatar speak. */
  readonly drive: DriveApi;
  /**
   * Opens the command channel of a started session: a signed WebSocket (`requestid` is the
   * SessionId, re-signed on every reconnection) with the runtime's `WebSocket` or
   * `options.WebSocket`. See {@link CommandChannel}.
   * @example
   * ```ts
   * const channel = client.commandChannel(SessionId);
   * for await (const message of channel) console.log(message.SpeakStatus);
   * ```
   */
  commandChannel(sessionId: string, options?: CommandChannelOptions): CommandChannel;
}

/** A session list's `DriverType`: typed as a string on the pages, sent as a number (1240/100393). */
function driverTypeOf(session: SessionSummary | undefined): 1 | 3 | undefined {
  const value = Number(session?.DriverType);
  return value === 1 || value === 3 ? value : undefined;
}

/** `operationByPath` (a scan of the table) remembered per path, for `request`. */
const operationsByPath = new Map<string, ReturnType<typeof operationByPath>>();
function knownOperation(path: string): ReturnType<typeof operationByPath> {
  if (operationsByPath.has(path)) return operationsByPath.get(path);
  const operation = operationByPath(path.split('?')[0]!);
  if (operationsByPath.size >= 1000) operationsByPath.clear();
  operationsByPath.set(path, operation);
  return operation;
}

/**
 * Creates a client for the TVS gateway. Options default from the environment where
 * `process.env` exists: `TVS_APPKEY` / `TVS_ACCESS_TOKEN`, `TVS_REGION`, `TVS_BASE_URL`.
 * Missing or half-set credentials, unknown option names (with the nearest known one
 * suggested) and an access token in a browser page throw here, not as a failure later.
 *
 * @example
 * ```ts
 * import { createClient } from '@tvs/client';
 *
 * const client = createClient({ appkey: 'my-appkey', accessToken: process.env.TVS_ACCESS_TOKEN });
 * const { TaskId } = await client.video.make({ VirtualmanKey: 'vk', InputSsml: 'Hello!', SpeechParam: { Speed: 1 } });
 * const { MediaUrl } = await client.video.waitFor(TaskId);
 * ```
 */
export function createClient(options: ClientOptions = {}): TvsClient {
  const resolved = resolveOptions(options);
  const transport = createTransport(resolved);
  const poller = createPoller();
  const op: BindOperation = (name) => operationCall(transport, name);

  // The channel signs its URL as the transport does: with the skew-corrected clock. Without
  // credentials (a signing proxy), the URL goes out unsigned for the proxy to sign.
  const signer =
    resolved.credentials && createSigner(resolved.credentials, { now: transport.clock.now });
  const stat = op('sessions.stat');
  const list = op('sessions.list');
  const channelDeps = {
    baseUrl: resolved.baseUrl,
    signUrl: (url: string, params: Record<string, string>) => {
      if (signer) return signer.signUrl(url, params);
      const unsigned = new URL(url);
      for (const [name, value] of Object.entries(params)) unsigned.searchParams.set(name, value);
      return unsigned.href;
    },
    stat: (sessionId: string) => stat({ SessionId: sessionId }),
    driverType: async (sessionId: string) =>
      driverTypeOf((await list({})).Sessions.find((s) => s.SessionId === sessionId)),
    logger: resolved.logger,
  };
  const commandChannel = (sessionId: string, channelOptions?: CommandChannelOptions) =>
    new CommandChannel(channelDeps, sessionId, channelOptions);

  return {
    baseUrl: resolved.baseUrl,
    region: resolved.region,
    appkey: resolved.credentials?.appkey,
    request<P extends object = JsonObject>(
      path: string,
      payload: object,
      { idempotent, ...requestOptions }: RawRequestOptions = {},
    ) {
      if (typeof path !== 'string' || !path.startsWith('/')) {
        throw new TypeError('request: path must be a string starting with "/"');
      }
      const known = knownOperation(path);
      return transport.send(
        known?.name ?? path,
        idempotent ?? known?.idempotent ?? false,
        path,
        payload,
        requestOptions,
      ) as Promise<ApiResponse<P>>;
    },
    video: createVideoApi(op, poller),
    ppt: createPptApi(op, poller),
    assets: createAssetsApi(op),
    cloning: createCloningApi(op, poller),
    faceDetect: createFaceDetectApi(op),
    liveRooms: createLiveRoomsApi(op),
    sessions: createSessionsApi(op, poller, commandChannel),
    drive: createDriveApi(op),
    commandChannel,
  };
}
