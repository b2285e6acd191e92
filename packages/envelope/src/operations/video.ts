import type { Operation, TaskCreated } from './operation.js';
import type {
  PhotoToVideoRequest,
  PptProgress,
  ProgressRequest,
  TtsRequest,
  VideoMakeAdvancedRequest,
  VideoMakeNoTrainRequest,
  VideoMakeRequest,
  VideoMakeWithPptRequest,
  VideoProgress,
} from './video-types.js';

const TASK = { TaskId: 'string' } as const;

/** Video production: the five makers, PPT videos and both progress calls. */
export const videoOperations: {
  readonly 'video.make': Operation<VideoMakeRequest, TaskCreated>;
  readonly 'video.makeAdvanced': Operation<VideoMakeAdvancedRequest, TaskCreated>;
  readonly 'video.makeNoTrain': Operation<VideoMakeNoTrainRequest, TaskCreated>;
  readonly 'video.photoToVideo': Operation<PhotoToVideoRequest, TaskCreated>;
  readonly 'video.tts': Operation<TtsRequest, TaskCreated>;
  readonly 'video.progress': Operation<ProgressRequest, VideoProgress>;
  readonly 'video.makeWithPpt': Operation<VideoMakeWithPptRequest, TaskCreated>;
  readonly 'video.pptProgress': Operation<ProgressRequest, PptProgress>;
} = {
  'video.make': {
    name: 'video.make',
    path: '/v2/ivh/videomaker/broadcastservice/videomake',
    doc: [
      'https://cloud.tencent.com/document/product/1240/81268',
      'https://www.tencentcloud.com/document/product/1211/62087',
    ],
    idempotent: false,
    // Required flags from the English page: the newer Chinese one renders no required column.
    // InputSsml is required only for text driving (its own description, on both pages).
    required: { VirtualmanKey: 'string', SpeechParam: 'object', 'SpeechParam.Speed': 'number' },
    returns: TASK,
  },
  'video.makeAdvanced': {
    name: 'video.makeAdvanced',
    path: '/v2/ivh/videomaker/broadcastservice/videomakeadvanced',
    doc: [
      'https://cloud.tencent.com/document/product/1240/81269',
      'https://www.tencentcloud.com/document/product/1211/62089',
    ],
    idempotent: false,
    // As video.make: the English page marks SpeechParam and SpeechParam.Speed required.
    required: { VirtualmanKey: 'string', SpeechParam: 'object', 'SpeechParam.Speed': 'number' },
    returns: TASK,
  },
  'video.makeNoTrain': {
    name: 'video.makeNoTrain',
    path: '/v2/ivh/videomaker/broadcastservice/videomakenotrain',
    doc: [
      'https://cloud.tencent.com/document/product/1240/116222',
      'https://www.tencentcloud.com/document/product/1211/73472',
    ],
    idempotent: false,
    required: { RefVideoUrl: 'string', DriverType: 'string' },
    returns: TASK,
  },
  'video.photoToVideo': {
    name: 'video.photoToVideo',
    path: '/v2/ivh/videomaker/broadcastservice/phototovideonotrain',
    doc: [
      'https://cloud.tencent.com/document/product/1240/118475',
      'https://www.tencentcloud.com/document/product/1211/73473',
    ],
    idempotent: false,
    required: { RefPhotoUrl: 'string', DriverType: 'string' },
    returns: TASK,
  },
  'video.tts': {
    name: 'video.tts',
    path: '/v2/ivh/videomaker/broadcastservice/tts',
    doc: [
      'https://cloud.tencent.com/document/product/1240/81267',
      'https://www.tencentcloud.com/document/product/1211/62086',
    ],
    idempotent: false,
    // The English page marks InputSsml and Speed required; the Chinese one renders no column.
    required: { InputSsml: 'string', Speed: 'number' },
    returns: TASK,
  },
  'video.progress': {
    name: 'video.progress',
    path: '/v2/ivh/videomaker/broadcastservice/getprogress',
    doc: [
      'https://cloud.tencent.com/document/product/1240/81270',
      'https://www.tencentcloud.com/document/product/1211/62088',
    ],
    idempotent: true,
    required: TASK,
    // Status is marked required, but no example shows it: nothing is checked.
    returns: {},
  },
  'video.makeWithPpt': {
    name: 'video.makeWithPpt',
    path: '/v2/ivh/mediaproduction/mediaproduction/videomakewithppt',
    doc: ['https://cloud.tencent.com/document/product/1240/130020'],
    idempotent: false,
    // The page renders no required column: the deck is the one field a task cannot do without.
    required: { PPTFileUrl: 'string' },
    returns: TASK,
  },
  'video.pptProgress': {
    name: 'video.pptProgress',
    path: '/v2/ivh/mediaproduction/mediaproduction/getprogress',
    doc: ['https://cloud.tencent.com/document/product/1240/130021'],
    idempotent: true,
    required: TASK,
    // The documented success answer has no Status (nor any other required mark): nothing is checked.
    returns: {},
  },
};
