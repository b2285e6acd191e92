import { FAIL_CODES } from '@tvs/envelope';
import { CODES, Refusal } from '../errors.js';
import { plainText, planSpeech, type SpeechPlan } from '../internal/speech.js';
import { checkUrl, inRange, oneOf, optional } from '../internal/validate.js';
import type { MediaFormat, TaskInput, TaskLane } from '../tasks.js';
import type { CallContext, Handler, Services } from './context.js';

const MAX_SSML = 20_000;
/** `InputSsml` with `TransparentMov`: at most 2,000 characters (1240/81268). */
const MAX_SSML_MOV = 2000;
/** Speech length assumed for audio-driven tasks, whose audio the mock does not download. */
const AUDIO_DRIVEN_MS = 8000;
/** Speech length assumed for a PPT without narration text: 10 s per page. */
const PPT_PAGE_MS = 10_000;
// GreenScreenMp4 is the older English page's name (1211/62087) for what 1240/81268 calls Mp4.
const FORMATS = {
  TransparentWebm: 'webm',
  TransparentMov: 'mov',
  Mp4: 'mp4',
  GreenScreenMp4: 'mp4',
} as const;
/** `DriverType` of `videomake`/`videomakeadvanced` (1240/81268). */
const DRIVER_TYPES = ['Text', 'OriginalVoice', 'ModulatedVoice'] as const;
/** `DriverType` of the no-training makers: only these two (1240/116222, 1240/118475). */
const REFERENCE_DRIVER_TYPES = ['Text', 'OriginalVoice'] as const;

/** Render time for a plan: 1 s of set-up plus 0.4 s per second of speech, over `renderSpeed`. */
export function renderTime(plan: SpeechPlan, renderSpeed: number): number {
  return Math.max(1, Math.round((1000 + plan.durationMs * 0.4) / renderSpeed));
}

function checkAvatar(key: unknown, services: Services, field = 'VirtualmanKey'): void {
  if (typeof key === 'string' && !services.avatarKeys.has(key)) {
    throw new Refusal(
      CODES.avatarNotFound,
      'ResourceNotFound.VirtualmanKey',
      `${field} ${JSON.stringify(key.slice(0, 64))} is not an avatar of this account`,
    );
  }
}

function checkTimbre(key: string | undefined, services: Services, field: string): void {
  if (key !== undefined && !services.timbreKeys.has(key)) {
    throw new Refusal(
      CODES.avatarNotFound,
      'ResourceNotFound.TimbreKey',
      `${field} ${JSON.stringify(key.slice(0, 64))} is not a timbre of this account`,
    );
  }
}

/** `SpeechParam` checks shared by the makers; returns the speed. */
function speechParam(payload: Record<string, unknown>, services: Services): number {
  const param = optional(payload, 'SpeechParam', 'object');
  if (!param) return 1;
  const where = 'Payload.SpeechParam';
  checkTimbre(optional(param, 'TimbreKey', 'string', where), services, `${where}.TimbreKey`);
  inRange(param, 'Volume', 0, 10, where);
  inRange(param, 'EmotionIntensity', 50, 200, where);
  return inRange(param, 'Speed', 0.5, 1.5, where) ?? 1;
}

/**
 * The content review: a text with a word of the list is refused at once with 801005
 * (文本安全校验未通过, an API code of 1240/81277; no task is made).
 */
function reviewScript(text: string, services: Services): void {
  const lower = text.toLowerCase();
  const word = services.blockedWords.find((w) => w && lower.includes(w.toLowerCase()));
  if (word) {
    throw new Refusal(
      CODES.contentReview,
      'FailedOperation.TextAuditFailed',
      `the text failed the content review (matched ${JSON.stringify(word)})`,
    );
  }
}

/**
 * Input files the gateway downloads while rendering: one on a host under `.invalid` (a name
 * that never resolves) makes the task fail with FailCode 801008 (下载文件失败, 1240/81277).
 */
function downloadOutcome(
  payload: Record<string, unknown>,
  fields: readonly string[],
): TaskInput['outcome'] {
  for (const field of fields) {
    const value = payload[field];
    if (typeof value === 'string' && URL.canParse(value)) {
      if (new URL(value).hostname.endsWith('.invalid')) {
        return {
          failCode: FAIL_CODES.FILE_DOWNLOAD_FAILED,
          failMessage: `downloading Payload.${field} failed: ${new URL(value).hostname} does not resolve`,
        };
      }
    }
  }
  return null;
}

interface Spoken {
  text: string;
  plan: SpeechPlan;
}

/** The text a task speaks: `InputSsml` when text-driven (required then), else the audio. */
function spoken(
  payload: Record<string, unknown>,
  speed: number,
  limits: { min?: number; max: number },
  drivers: readonly string[] = DRIVER_TYPES,
): Spoken {
  const driver = oneOf(payload, 'DriverType', drivers) ?? 'Text';
  const ssml = optional(payload, 'InputSsml', 'string');
  if (driver !== 'Text') {
    checkUrl(payload, 'InputAudioUrl');
    if (payload['InputAudioUrl'] === undefined) {
      throw new Refusal(
        CODES.missingParameter,
        'InvalidParameter.MissingParameter',
        `Payload.InputAudioUrl is required when DriverType is ${driver}`,
      );
    }
    return { text: '', plan: { sentences: [], durationMs: AUDIO_DRIVEN_MS, words: 0 } };
  }
  if (ssml === undefined || plainText(ssml) === '') {
    throw new Refusal(
      CODES.missingParameter,
      'InvalidParameter.MissingParameter',
      'Payload.InputSsml is required when DriverType is Text',
    );
  }
  if (ssml.length > limits.max || ssml.length < (limits.min ?? 1)) {
    throw new Refusal(
      CODES.badValue,
      'InvalidParameterValue.InputSsml',
      `Payload.InputSsml must be ${limits.min ?? 1}–${limits.max} characters, got ${ssml.length}`,
    );
  }
  return { text: plainText(ssml), plan: planSpeech(ssml, speed) };
}

function submit(
  context: CallContext,
  services: Services,
  operation: string,
  fields: {
    lane: TaskLane;
    spoken: Spoken;
    format: MediaFormat;
    subtitles: boolean;
    /** Only where the page has `CallbackUrl` (not `tts`, 1240/81267, nor PPT, 1240/130020). */
    callbackUrl?: string | undefined;
    sampleRate?: 16000 | 24000;
    outcome: TaskInput['outcome'];
  },
): Record<string, unknown> {
  reviewScript(fields.spoken.text, services);
  const input: TaskInput = {
    taskId: services.newTaskId(),
    appkey: context.appkey,
    operation,
    lane: fields.lane,
    text: fields.spoken.text,
    plan: fields.spoken.plan,
    renderMs: renderTime(fields.spoken.plan, services.renderSpeed),
    format: fields.format,
    sampleRate: fields.sampleRate ?? 16000,
    subtitles: fields.subtitles,
    origin: context.origin,
    requestId: context.requestId,
    outcome: fields.outcome,
    ...(fields.callbackUrl ? { callbackUrl: fields.callbackUrl } : {}),
  };
  const task = services.engine.submit(input);
  return { TaskId: services.numericTaskIds ? Number(task.taskId) : task.taskId };
}

type VideoFormatName = keyof typeof FORMATS;

/** `VideoParam.Format`, or the operation's default. */
function videoFormatName(
  payload: Record<string, unknown>,
  fallback: VideoFormatName,
): VideoFormatName {
  const param = optional(payload, 'VideoParam', 'object');
  if (!param) return fallback;
  const format = oneOf(param, 'Format', Object.keys(FORMATS), 'Payload.VideoParam');
  return (format ?? fallback) as VideoFormatName;
}

/**
 * `videomake` and `videomakeadvanced`: an avatar speaking a text (or audio). `VideoParam.Format`
 * defaults to `TransparentWebm` for `videomake` (1240/81268) and to `Mp4` for
 * `videomakeadvanced` (1240/81269).
 */
export function makeVideo(operation: string): Handler {
  const fallback: VideoFormatName = operation.endsWith('/videomakeadvanced')
    ? 'Mp4'
    : 'TransparentWebm';
  return (payload, context, services) => {
    checkAvatar(payload['VirtualmanKey'], services);
    const speed = speechParam(payload, services);
    const format = videoFormatName(payload, fallback);
    const max = format === 'TransparentMov' ? MAX_SSML_MOV : MAX_SSML;
    const text = spoken(payload, speed, { max });
    return submit(context, services, operation, {
      lane: 'video',
      spoken: text,
      format: FORMATS[format],
      subtitles: text.plan.words > 0,
      callbackUrl: checkUrl(payload, 'CallbackUrl'),
      outcome: downloadOutcome(payload, ['InputAudioUrl']),
    });
  };
}

/** What differs between the two no-training makers. */
export interface ReferenceMaker {
  /** The reference's field: `RefVideoUrl` or `RefPhotoUrl`. */
  readonly field: string;
  /** `InputSsml`'s length in characters. */
  readonly ssml: { readonly min: number; readonly max: number };
  /** `SpeechParam` fields required, beside `SpeechParam` itself, when `DriverType` is `Text`. */
  readonly textNeeds: readonly string[];
  /** A fixed output format (`videomakenotrain`: "输出格式:mp4", 1240/116222), or `VideoParam.Format`'s. */
  readonly format?: MediaFormat;
}

/**
 * `videomakenotrain` and `phototovideonotrain`: a reference video or photo, no trained avatar.
 * Text driving needs `SpeechParam` ("DriverType 为 Text 时,该字段必填", 1240/116222, 1240/118475).
 */
export function makeFromReference(operation: string, maker: ReferenceMaker): Handler {
  return (payload, context, services) => {
    checkUrl(payload, maker.field, 4096);
    if ((payload['DriverType'] ?? 'Text') === 'Text') requireSpeechParam(payload, maker.textNeeds);
    const speed = speechParam(payload, services);
    const text = spoken(payload, speed, maker.ssml, REFERENCE_DRIVER_TYPES);
    return submit(context, services, operation, {
      lane: 'video',
      spoken: text,
      format: maker.format ?? FORMATS[videoFormatName(payload, 'TransparentWebm')],
      subtitles: text.plan.words > 0,
      callbackUrl: checkUrl(payload, 'CallbackUrl'),
      outcome: downloadOutcome(payload, [maker.field, 'InputAudioUrl']),
    });
  };
}

function requireSpeechParam(payload: Record<string, unknown>, fields: readonly string[]): void {
  const param = payload['SpeechParam'];
  const missing =
    param === null || typeof param !== 'object'
      ? 'Payload.SpeechParam'
      : fields
          .filter((name) => (param as Record<string, unknown>)[name] === undefined)
          .map((name) => `Payload.SpeechParam.${name}`)[0];
  if (missing) {
    throw new Refusal(
      CODES.missingParameter,
      'InvalidParameter.MissingParameter',
      `${missing} is required when DriverType is Text`,
    );
  }
}

/** `tts`: speech only, mp3 (shipped sample) or wav (synthesised to the planned length). */
export function makeSpeech(operation: string): Handler {
  return (payload, context, services) => {
    const timbre = optional(payload, 'TimbreKey', 'string');
    if (timbre === undefined && payload['VirtualmanKey'] === undefined) {
      throw new Refusal(
        CODES.missingParameter,
        'InvalidParameter.MissingParameter',
        'Payload.TimbreKey or Payload.VirtualmanKey is required',
      );
    }
    checkTimbre(timbre, services, 'Payload.TimbreKey');
    optional(payload, 'VirtualmanKey', 'string');
    checkAvatar(payload['VirtualmanKey'], services);
    const speed = inRange(payload, 'Speed', 0.5, 1.5) ?? 1;
    // 24000 unless told otherwise (1240/81267).
    const sampleRate = oneOf(payload, 'SampleRate', [16000, 24000] as const) ?? 24000;
    const codec = oneOf(payload, 'Codec', ['mp3', 'wav'] as const) ?? 'mp3';
    const text = spoken({ ...payload, DriverType: 'Text' }, speed, { max: MAX_SSML });
    return submit(context, services, operation, {
      lane: 'tts',
      spoken: text,
      format: codec,
      subtitles: true,
      sampleRate,
      outcome: null,
    });
  };
}

/** Narration text of a PPT: every string `Text`/`InputSsml`/`Ssml` in `PageConfigs[]`. */
function pptNarration(payload: Record<string, unknown>): string {
  const pages = optional(payload, 'PageConfigs', 'array') ?? [];
  const parts: string[] = [];
  for (const page of pages) {
    if (page === null || typeof page !== 'object') continue;
    for (const field of ['Text', 'InputSsml', 'Ssml']) {
      const value = (page as Record<string, unknown>)[field];
      if (typeof value === 'string') parts.push(value);
    }
  }
  return parts.join('\n');
}

/** `videomakewithppt`: one PPT task at a time per account; a second one is refused with 100008. */
export function makePptVideo(operation: string): Handler {
  return (payload, context, services) => {
    const file = checkUrl(payload, 'PPTFileUrl', 4096) ?? '';
    if (!/\.(pptx?|pdf)$/i.test(new URL(file).pathname)) {
      throw new Refusal(
        CODES.badValue,
        'InvalidParameterValue.PPTFileUrl',
        'Payload.PPTFileUrl must point at a .ppt, .pptx or .pdf file',
      );
    }
    if (services.engine.busy(context.appkey, 'ppt')) {
      throw new Refusal(
        CODES.overQuota,
        'LimitExceeded.PptTaskInProgress',
        'one PPT video task at a time per account: wait for the running one to end',
      );
    }
    const pages = (optional(payload, 'PageConfigs', 'array') ?? []).length || 3;
    const narration = pptNarration(payload);
    const plan = narration
      ? planSpeech(narration)
      : { sentences: [], durationMs: pages * PPT_PAGE_MS, words: 0 };
    return submit(context, services, operation, {
      lane: 'ppt',
      spoken: { text: plainText(narration), plan },
      format: 'mp4',
      subtitles: false,
      outcome: downloadOutcome(payload, ['PPTFileUrl']),
    });
  };
}
