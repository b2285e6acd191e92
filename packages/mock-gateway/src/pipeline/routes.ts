import { type Operation, operations } from '@tvs/envelope';
import {
  describeAnchorAvatars,
  describeAnchors,
  describeAvatars,
  describeTimbres,
} from '../handlers/assets.js';
import { cloneProgress, confirmClone, makeClone, uploadCredentials } from '../handlers/cloning.js';
import type { Handler } from '../handlers/context.js';
import { detectFaces, faceDetectState } from '../handlers/faces.js';
import {
  closeLiveRoom,
  getLiveRoom,
  listLiveRooms,
  openLiveRoom,
  takeOver,
} from '../handlers/live-rooms.js';
import { progress } from '../handlers/task-progress.js';
import { makeFromReference, makePptVideo, makeSpeech, makeVideo } from '../handlers/video.js';
import { sessionBehaviour } from '../sessions/handlers.js';

/** An endpoint the mock knows: where its required fields come from, and what it does. @internal */
export interface Route {
  readonly path: string;
  /** The operation from `@tvs/envelope`'s table. */
  readonly operation: Operation;
  /** Undefined: the table has it but the mock does not implement it (answered with 501). */
  readonly handler: Handler | undefined;
}

const V2 = '/v2/ivh/';
const BROADCAST = `${V2}videomaker/broadcastservice/`;
const PPT = `${V2}mediaproduction/mediaproduction/`;
const ASSETS = `${V2}crmserver/customerassetservice/`;
const SESSIONS = `${V2}sessionmanager/sessionmanagerservice/`;
const DRIVE = `${V2}interactdriver/interactdriverservice/`;
const LIVE = `${V2}liveroom/liveroomservice/`;
const CLONING = `${V2}assetmanager/customservice/`;
const FACES = `${V2}facedetectserver/facedetectservice/`;

/** Behaviour by path. Paths and required fields come from the operation table. */
const behaviour: Readonly<Record<string, (path: string) => Handler>> = {
  [`${BROADCAST}videomake`]: makeVideo,
  [`${BROADCAST}videomakeadvanced`]: makeVideo,
  // InputSsml 4–2,000 and an mp4 out (1240/116222); 4–300, Speed and TimbreKey for text (1240/118475).
  [`${BROADCAST}videomakenotrain`]: (path) =>
    makeFromReference(path, {
      field: 'RefVideoUrl',
      ssml: { min: 4, max: 2000 },
      textNeeds: [],
      format: 'mp4',
    }),
  [`${BROADCAST}phototovideonotrain`]: (path) =>
    makeFromReference(path, {
      field: 'RefPhotoUrl',
      ssml: { min: 4, max: 300 },
      textNeeds: ['Speed', 'TimbreKey'],
    }),
  [`${BROADCAST}tts`]: makeSpeech,
  [`${BROADCAST}getprogress`]: () => progress(['video', 'tts']),
  [`${PPT}videomakewithppt`]: makePptVideo,
  [`${PPT}getprogress`]: () => progress(['ppt']),
  [`${ASSETS}describetimbre`]: () => describeTimbres,
  [`${ASSETS}describesmallsampleimage`]: () => describeAvatars,
  [`${ASSETS}getanchor`]: () => describeAnchors,
  [`${ASSETS}getimagebyanchor`]: () => describeAnchorAvatars,
  [`${LIVE}openliveroom`]: () => openLiveRoom,
  [`${LIVE}getliveroom`]: () => getLiveRoom,
  [`${LIVE}listliveroomofappkey`]: () => listLiveRooms,
  [`${LIVE}takeover`]: () => takeOver,
  [`${LIVE}closeliveroom`]: () => closeLiveRoom,
  [`${CLONING}getuploadcredentials`]: () => uploadCredentials,
  [`${CLONING}make`]: () => makeClone,
  [`${CLONING}getprogress`]: () => cloneProgress,
  [`${CLONING}customerconfirm`]: () => confirmClone,
  [`${FACES}facedetect`]: () => detectFaces,
  [`${FACES}getfacedetectstate`]: () => faceDetectState,
  ...Object.fromEntries(
    Object.entries(sessionBehaviour).map(([name, make]) => [
      `${name === 'command' ? DRIVE : SESSIONS}${name}`,
      make,
    ]),
  ),
};

/** Every endpoint of the operation table, with the mock's behaviour where it has one. @internal */
export function buildRoutes(): ReadonlyMap<string, Route> {
  const routes = new Map<string, Route>();
  for (const op of Object.values(operations) as Operation[]) {
    const make = behaviour[op.path];
    routes.set(op.path, {
      path: op.path,
      operation: op as Operation,
      handler: make?.(op.path),
    });
  }
  return routes;
}
