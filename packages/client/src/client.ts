import {
  type CloneProgress,
  type CloneStage,
  type JsonObject,
  operationByPath,
  type PptProgress,
  type SessionStat,
  type SessionSummary,
  type VideoProgress,
} from '@tvs/envelope';
import { createSigner } from '@tvs/signer';
import { CommandChannel, type CommandChannelOptions } from './command-channel/channel.js';
import type { Region } from './hosts.js';
import { type ClientOperationName, type OperationCall, operationCall } from './operation-call.js';
import { type ClientOptions, resolveOptions } from './options.js';
import { type PageOptions, paginate } from './paginate.js';
import { createDriveApi, type DriveApi } from './sessions/drive.js';
import {
  type LiveSession,
  type OpenSessionOptions,
  type OpenSessionRequest,
  openSession,
  runSession,
} from './sessions/lifecycle.js';
import { type WaitReadyOptions, waitReady } from './sessions/wait-ready.js';
import {
  type ApiResponse,
  createTransport,
  type RawRequestOptions,
  type RequestOptions,
  type Transport,
} from './transport.js';
import { type WaitOptions, waitForTask } from './waiter.js';

/** Paging filters: any request field of the list call except the page fields. */
export type PageFilters = Readonly<Record<string, unknown>>;

/** Video production (`videomaker/broadcastservice`). */
export interface VideoApi {
  /**
   * Starts a broadcast video of a trained avatar (`videomake`). Not idempotent: a failure after
   * the request may have arrived is a `TvsAmbiguousError`, never a second video.
   * @example
   * ```ts
   * const { TaskId } = await client.video.make({ VirtualmanKey: key, InputSsml: 'Hello!' });
   * ```
   */
  make: OperationCall<'video.make'>;
  /**
   * Starts a video with logo, background, anchor position, intro/outro and subtitles
   * (`videomakeadvanced`).
   * @example
   * ```ts
   * const { TaskId } = await client.video.makeAdvanced({ VirtualmanKey: key, InputSsml: text });
   * ```
   */
  makeAdvanced: OperationCall<'video.makeAdvanced'>;
  /**
   * Starts a video from a reference clip, no training (`videomakenotrain`).
   * @example
   * ```ts
   * const { TaskId } = await client.video.makeFromVideo({ RefVideoUrl: clipUrl, InputSsml: text });
   * ```
   */
  makeFromVideo: OperationCall<'video.makeNoTrain'>;
  /**
   * Starts a talking video from one photo (`phototovideonotrain`).
   * @example
   * ```ts
   * const { TaskId } = await client.video.makeFromPhoto({ RefPhotoUrl: photoUrl, InputSsml: text });
   * ```
   */
  makeFromPhoto: OperationCall<'video.photoToVideo'>;
  /**
   * Starts a speech synthesis task (`tts`).
   * @example
   * ```ts
   * const { TaskId } = await client.video.tts({ TimbreKey: 'female_1', InputSsml: 'Hi' });
   * ```
   */
  tts: OperationCall<'video.tts'>;
  /**
   * Reads a task's progress (`getprogress`) once.
   * @example
   * ```ts
   * const { Status, Progress } = await client.video.progress({ TaskId });
   * ```
   */
  progress: OperationCall<'video.progress'>;
  /**
   * Polls until the task ends: resolves with the final progress on `SUCCESS`, rejects with
   * `TvsTaskFailedError` on `FAIL`. Polls slower while the task is queued.
   * @example
   * ```ts
   * const { MediaUrl } = await client.video.waitFor(TaskId, {
   *   onProgress: (p) => console.log(p.Status, p.Progress),
   * });
   * ```
   */
  waitFor(taskId: string, options?: WaitOptions<VideoProgress>): Promise<VideoProgress>;
}

/** PPT narration videos (`mediaproduction`). One PPT task at a time per account. */
export interface PptApi {
  /**
   * Starts a video from a ppt, pptx or pdf (`videomakewithppt`).
   * @example
   * ```ts
   * const { TaskId } = await client.ppt.make({ PPTFileUrl: deckUrl, GlobalConfig: {} });
   * ```
   */
  make: OperationCall<'video.makeWithPpt'>;
  /**
   * Reads a PPT task's progress once.
   * @example
   * ```ts
   * const { Status } = await client.ppt.progress({ TaskId });
   * ```
   */
  progress: OperationCall<'video.pptProgress'>;
  /**
   * Polls until the PPT task ends, as {@link VideoApi.waitFor}.
   * @example
   * ```ts
   * const { MediaUrl } = await client.ppt.waitFor(TaskId);
   * ```
   */
  waitFor(taskId: string, options?: WaitOptions<PptProgress>): Promise<PptProgress>;
}

/** The account's assets (`crmserver/customerassetservice`). */
export interface AssetsApi {
  /**
   * Every timbre (voice) of the account, fetched page by page as you iterate.
   * @example
   * ```ts
   * for await (const timbre of client.assets.timbres()) console.log(timbre.TimbreKey);
   * ```
   */
  timbres(
    filters?: PageFilters,
    options?: PageOptions,
  ): AsyncGenerator<JsonObject, void, undefined>;
  /**
   * One page of timbres (`describetimbre`).
   * @example
   * ```ts
   * const { TimbreAssets, Total } = await client.assets.listTimbres({ PageIndex: 1, PageSize: 20 });
   * ```
   */
  listTimbres: OperationCall<'assets.timbres'>;
  /**
   * Every small-sample avatar of the account, page by page as you iterate.
   * @example
   * ```ts
   * for await (const avatar of client.assets.avatars()) console.log(avatar.VirtualmanKey);
   * ```
   */
  avatars(
    filters?: PageFilters,
    options?: PageOptions,
  ): AsyncGenerator<JsonObject, void, undefined>;
  /**
   * One page of small-sample avatars (`describesmallsampleimage`).
   * @example
   * ```ts
   * const { Virtualmans } = await client.assets.listAvatars({ PageIndex: 1, PageSize: 20 });
   * ```
   */
  listAvatars: OperationCall<'assets.smallSampleAvatars'>;
  /**
   * The account's anchors (`getanchor`).
   * @example
   * ```ts
   * const anchors = await client.assets.anchors({});
   * ```
   */
  anchors: OperationCall<'assets.anchors'>;
  /**
   * The images of an anchor (`getimagebyanchor`).
   * @example
   * ```ts
   * const images = await client.assets.imagesByAnchor({ PageIndex: 1, PageSize: 20, AnchorCode: code });
   * ```
   */
  imagesByAnchor: OperationCall<'assets.imagesByAnchor'>;
}

/** Options of {@link CloningApi.waitFor}. */
export interface CloneWaitOptions extends WaitOptions<CloneProgress> {
  /** The stages that end the wait (default `CONFIRM` and `END`). */
  until?: readonly CloneStage[] | undefined;
}

/** Avatar and voice cloning (`assetmanager/customservice`). */
export interface CloningApi {
  /**
   * Temporary storage credentials for uploading the training material (`getuploadcredentials`).
   * @example
   * ```ts
   * const credentials = await client.cloning.uploadCredentials({});
   * ```
   */
  uploadCredentials: OperationCall<'cloning.uploadCredentials'>;
  /**
   * Starts a cloning task (`make`). Not idempotent.
   * @example
   * ```ts
   * const { TaskId } = await client.cloning.make({ AnchorName: 'Ann', MakeType: 'IMAGE', VideoUrl: url });
   * ```
   */
  make: OperationCall<'cloning.make'>;
  /**
   * Reads a cloning task's stage once (`getprogress`).
   * @example
   * ```ts
   * const { StageV2 } = await client.cloning.progress({ TaskId });
   * ```
   */
  progress: OperationCall<'cloning.progress'>;
  /**
   * Accepts or rejects the result (`customerconfirm`).
   * @example
   * ```ts
   * await client.cloning.confirm({ TaskId, Operate: 'AGREE' });
   * ```
   */
  confirm: OperationCall<'cloning.confirm'>;
  /**
   * Polls until the task reaches a stage in `until` (default `CONFIRM` or `END`) or its
   * `Status` is `SUCCESS`, calling `onProgress` at each change; rejects with
   * `TvsTaskFailedError` when `Status` is `FAIL`. `StageV2` is optional (1240/96070).
   * @example
   * ```ts
   * await client.cloning.waitFor(TaskId, { onProgress: (p) => console.log(p.StageV2) });
   * ```
   */
  waitFor(taskId: string, options?: CloneWaitOptions): Promise<CloneProgress>;
}

/** Face detection on a photo before making a video from it. */
export interface FaceDetectApi {
  /**
   * Starts a face detection task.
   * @example
   * ```ts
   * const { TaskId } = await client.faceDetect.detect({ ImageUrl: photoUrl });
   * ```
   */
  detect: OperationCall<'faces.detect'>;
  /**
   * Reads a face detection task's state.
   * @example
   * ```ts
   * const state = await client.faceDetect.state({ TaskId });
   * ```
   */
  state: OperationCall<'faces.detectState'>;
}

/** Live rooms (`liveroom/liveroomservice`). `ReqId` is generated when left out. */
export interface LiveRoomsApi {
  /**
   * Opens a live room. Not idempotent.
   * @example
   * ```ts
   * const room = await client.liveRooms.open({ VideoStreamReq: { VirtualmanProjectId: id }, Scripts: [] });
   * ```
   */
  open: OperationCall<'liveRooms.open'>;
  /**
   * Reads one live room.
   * @example
   * ```ts
   * const room = await client.liveRooms.get({ LiveRoomId });
   * ```
   */
  get: OperationCall<'liveRooms.get'>;
  /**
   * One page of the appkey's live rooms that are not closed (`listliveroomofappkey`,
   * 1240/112143): `LiveRooms` (`[]` when the gateway leaves it out, as it does for none) and
   * `Total`.
   * @example
   * ```ts
   * const { LiveRooms, Total } = await client.liveRooms.list({ PageIndex: 1, PageSize: 20 });
   * ```
   */
  list: OperationCall<'liveRooms.list'>;
  /**
   * Says something now, interrupting the script. Not idempotent.
   * @example
   * ```ts
   * await client.liveRooms.takeover({ LiveRoomId, Content: 'Welcome!' });
   * ```
   */
  takeover: OperationCall<'liveRooms.takeover'>;
  /**
   * Closes a live room.
   * @example
   * ```ts
   * await client.liveRooms.close({ LiveRoomId });
   * ```
   */
  close: OperationCall<'liveRooms.close'>;
}

/** Interactive sessions (`sessionmanager`), without the driving. `ReqId` is generated when left out. */
export interface SessionsApi {
  /**
   * Creates a session for a project. Not idempotent.
   * @example
   * ```ts
   * const { SessionId } = await client.sessions.create({ VirtualmanProjectId: id, UserId: 'u1', Protocol: 'webrtc' });
   * ```
   */
  create: OperationCall<'sessions.create'>;
  /**
   * Creates a session for an asset avatar. Not idempotent.
   * @example
   * ```ts
   * const { SessionId } = await client.sessions.createByAsset({ AssetVirtualmanKey: key, UserId: 'u1', Protocol: 'rtmp' });
   * ```
   */
  createByAsset: OperationCall<'sessions.createByAsset'>;
  /**
   * Reads a session's state.
   * @example
   * ```ts
   * const { SessionStatus } = await client.sessions.stat({ SessionId });
   * ```
   */
  stat: OperationCall<'sessions.stat'>;
  /**
   * Starts the stream of a ready session.
   * @example
   * ```ts
   * await client.sessions.start({ SessionId });
   * ```
   */
  start: OperationCall<'sessions.start'>;
  /**
   * Closes a session and frees its concurrency slot.
   * @example
   * ```ts
   * await client.sessions.close({ SessionId });
   * ```
   */
  close: OperationCall<'sessions.close'>;
  /**
   * The account's sessions.
   * @example
   * ```ts
   * const { Sessions } = await client.sessions.list({});
   * ```
   */
  list: OperationCall<'sessions.list'>;
  /**
   * The sessions of a project.
   * @example
   * ```ts
   * const { Sessions } = await client.sessions.listByProject({ VirtualmanProjectId: id });
   * ```
   */
  listByProject: OperationCall<'sessions.listByProject'>;
  /**
   * The sessions of an asset avatar.
   * @example
   * ```ts
   * const { Sessions } = await client.sessions.listByAsset({ AssetVirtualmanKey: key });
   * ```
   */
  listByAsset: OperationCall<'sessions.listByAsset'>;
  /**
   * Polls `statsession` until the session is ready (status 1) and resolves with its state;
   * rejects with `TvsSessionError` when it failed (4) or closed (2), `TvsTimeoutError` after
   * `timeout` (default 2 minutes).
   * @example
   * ```ts
   * const { PlayStreamAddr } = await client.sessions.waitReady(SessionId);
   * ```
   */
  waitReady(sessionId: string, options?: WaitReadyOptions): Promise<SessionStat>;
  /**
   * Creates a session (by project, or by asset when the request has `AssetVirtualmanKey`),
   * waits until it is ready, starts it and opens its command channel. A failure or abort on the
   * way closes it. Close it yourself, or with `await using`.
   * @example
   * ```ts
   * await using session = await client.sessions.open({ VirtualmanProjectId: id, UserId: 'u1', Protocol: 'webrtc' });
   * await session.channel.sendText('Hello!');
   * ```
   */
  open(request: OpenSessionRequest, options?: OpenSessionOptions): Promise<LiveSession>;
  /**
   * Runs `work` with a live session (as {@link SessionsApi.open}) and always closes it after:
   * on return, on throw, and at once on abort. A forgotten `closesession` cannot leak a slot.
   * @example
   * ```ts
   * await client.sessions.run({ VirtualmanProjectId: id, UserId: 'u1', Protocol: 'webrtc' }, async (session) => {
   *   const drive = await session.channel.sendText('Hello!');
   *   await drive.finished();
   * });
   * ```
   */
  run<T>(
    request: OpenSessionRequest,
    work: (session: LiveSession) => T | Promise<T>,
    options?: OpenSessionOptions,
  ): Promise<T>;
}

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

/**
 * Where a video or PPT task stands. `Status` when the gateway sends it; the pages mark it
 * required, but their examples (1240/81270, 1240/130021) answer without it, so then `Progress`
 * decides: 100 done, −1 failed (documented values of a field the pages call reserved).
 */
function taskState(progress: VideoProgress | PptProgress) {
  switch (progress.Status ?? progressStatus(progress.Progress)) {
    case 'SUCCESS':
      return 'success' as const;
    case 'FAIL':
      return 'fail' as const;
    case 'COMMIT':
      return 'queued' as const;
    default:
      return 'pending' as const;
  }
}

function progressStatus(progress: number | undefined): string | undefined {
  if (progress === 100) return 'SUCCESS';
  if (progress === -1) return 'FAIL';
  return undefined;
}

/** A session list's `DriverType`: typed as a string on the pages, sent as a number (1240/100393). */
function driverTypeOf(session: SessionSummary | undefined): 1 | 3 | undefined {
  const value = Number(session?.DriverType);
  return value === 1 || value === 3 ? value : undefined;
}

function taskFingerprint(p: VideoProgress | PptProgress): string {
  return `${p.Status}|${p.Progress ?? ''}|${p.ArrayCount ?? ''}`;
}

function progressWaiter<P extends VideoProgress | PptProgress>(
  progress: (payload: { TaskId: string }, options?: RequestOptions) => Promise<P>,
): (taskId: string, options?: WaitOptions<P>) => Promise<P> {
  return (taskId, options = {}) =>
    waitForTask<P>(
      {
        taskId,
        poll: async (signal) => ({
          payload: await progress({ TaskId: taskId }, { signal }),
          requestId: '',
        }),
        state: taskState,
        queued: (p) => (typeof p.ArrayCount === 'number' ? p.ArrayCount : 0),
        fingerprint: taskFingerprint,
      },
      options,
    );
}

function pager<N extends ClientOperationName>(
  call: OperationCall<N>,
  listField: string,
): (filters?: PageFilters, options?: PageOptions) => AsyncGenerator<JsonObject, void, undefined> {
  return (filters = {}, options = {}) =>
    paginate(async (page) => {
      const result = (await call({ ...filters, ...page } as never, options)) as JsonObject;
      const items = result[listField];
      const total = result['Total'];
      return {
        items: Array.isArray(items) ? (items as JsonObject[]) : [],
        total: typeof total === 'number' ? total : undefined,
      };
    }, options);
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
 * Creates a client for the TVS gateway. Credentials come from the options or, where
 * `process.env` exists, from `TVS_APPKEY` / `TVS_ACCESS_TOKEN` (`TVS_REGION` for the region).
 * Missing or half-set credentials throw here, not as a 401 later.
 *
 * @example
 * ```ts
 * import { createClient } from '@tvs/client';
 * const client = createClient({ appkey: 'my-appkey', accessToken: process.env.TVS_ACCESS_TOKEN });
 * const { TaskId } = await client.video.make({ VirtualmanKey: 'vk', InputSsml: 'Hello!' });
 * const { MediaUrl } = await client.video.waitFor(TaskId);
 * ```
 */
export function createClient(options: ClientOptions = {}): TvsClient {
  const resolved = resolveOptions(options);
  const transport: Transport = createTransport(resolved);
  const op = <N extends ClientOperationName>(name: N) => operationCall(transport, name);

  const videoProgress = op('video.progress');
  const pptProgress = op('video.pptProgress');
  const cloneProgress = op('cloning.progress');
  const listTimbres = op('assets.timbres');
  const listAvatars = op('assets.smallSampleAvatars');
  const sessionStat = op('sessions.stat');
  const sessionList = op('sessions.list');
  const sessionCreate = op('sessions.create');
  const sessionCreateByAsset = op('sessions.createByAsset');
  const sessionStart = op('sessions.start');
  const sessionClose = op('sessions.close');
  // The channel signs its URL like the transport does: with the skew-corrected clock. Without
  // credentials (a signing proxy), the URL goes out unsigned for the proxy to sign.
  const signer =
    resolved.credentials && createSigner(resolved.credentials, { now: transport.clock.now });
  const channelDeps = {
    baseUrl: resolved.baseUrl,
    signUrl: (url: string, params: Record<string, string>) => {
      if (signer) return signer.signUrl(url, params);
      const unsigned = new URL(url);
      for (const [name, value] of Object.entries(params)) unsigned.searchParams.set(name, value);
      return unsigned.href;
    },
    stat: (sessionId: string) => sessionStat({ SessionId: sessionId }),
    driverType: async (sessionId: string) =>
      driverTypeOf(
        (await sessionList({})).Sessions.find((s: SessionSummary) => s.SessionId === sessionId),
      ),
    logger: resolved.logger,
  };
  const commandChannel = (sessionId: string, options?: CommandChannelOptions) =>
    new CommandChannel(channelDeps, sessionId, options);
  const ready = (sessionId: string, options?: WaitReadyOptions) =>
    waitReady((id, signal) => sessionStat({ SessionId: id }, { signal }), sessionId, options);
  const lifecycle = {
    create: sessionCreate,
    createByAsset: sessionCreateByAsset,
    start: sessionStart,
    close: sessionClose,
    waitReady: ready,
    commandChannel,
  };

  const client: TvsClient = {
    baseUrl: resolved.baseUrl,
    region: resolved.region,
    appkey: resolved.credentials?.appkey,
    request<P extends object = JsonObject>(
      path: string,
      payload: object,
      requestOptions: RawRequestOptions = {},
    ) {
      if (typeof path !== 'string' || !path.startsWith('/')) {
        throw new TypeError('request: path must be a string starting with "/"');
      }
      const known = knownOperation(path);
      const idempotent = requestOptions.idempotent ?? known?.idempotent ?? false;
      return transport.send(
        known?.name ?? path,
        idempotent,
        path,
        payload,
        requestOptions,
      ) as Promise<ApiResponse<P>>;
    },
    video: {
      make: op('video.make'),
      makeAdvanced: op('video.makeAdvanced'),
      makeFromVideo: op('video.makeNoTrain'),
      makeFromPhoto: op('video.photoToVideo'),
      tts: op('video.tts'),
      progress: videoProgress,
      waitFor: progressWaiter(videoProgress),
    },
    ppt: {
      make: op('video.makeWithPpt'),
      progress: pptProgress,
      waitFor: progressWaiter(pptProgress),
    },
    assets: {
      timbres: pager(listTimbres, 'TimbreAssets'),
      listTimbres,
      avatars: pager(listAvatars, 'Virtualmans'),
      listAvatars,
      anchors: op('assets.anchors'),
      imagesByAnchor: op('assets.imagesByAnchor'),
    },
    cloning: {
      uploadCredentials: op('cloning.uploadCredentials'),
      make: op('cloning.make'),
      progress: cloneProgress,
      confirm: op('cloning.confirm'),
      waitFor: (taskId, { until = ['CONFIRM', 'END'], ...waitOptions } = {}) =>
        waitForTask<CloneProgress>(
          {
            taskId,
            poll: async (signal) => ({
              payload: await cloneProgress({ TaskId: taskId }, { signal }),
              requestId: '',
            }),
            state: (p) =>
              p.Status === 'FAIL'
                ? 'fail'
                : p.Status === 'SUCCESS' || (p.StageV2 !== undefined && until.includes(p.StageV2))
                  ? 'success'
                  : 'pending',
            fingerprint: (p) => `${p.StageV2}|${p.StatusV2}|${p.Status}`,
          },
          waitOptions,
        ),
    },
    faceDetect: { detect: op('faces.detect'), state: op('faces.detectState') },
    liveRooms: {
      open: op('liveRooms.open'),
      get: op('liveRooms.get'),
      list: op('liveRooms.list'),
      takeover: op('liveRooms.takeover'),
      close: op('liveRooms.close'),
    },
    sessions: {
      create: sessionCreate,
      createByAsset: sessionCreateByAsset,
      stat: sessionStat,
      start: sessionStart,
      close: sessionClose,
      list: sessionList,
      listByProject: op('sessions.listByProject'),
      listByAsset: op('sessions.listByAsset'),
      waitReady: ready,
      open: (request, options) => openSession(lifecycle, request, options),
      run: (request, work, options) => runSession(lifecycle, request, work, options),
    },
    drive: createDriveApi(op('drive.command')),
    commandChannel,
  };
  return client;
}
