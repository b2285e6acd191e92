import { BATCH_OPERATIONS, type BatchOperation } from '../jobs.js';
import { fillTemplate } from './template.js';

/** Defaults for the fields of text-to-video lines, from the command line or the library call. */
export interface JobDefaults {
  /** The avatar (`VirtualmanKey`) of lines that leave `avatar` empty. */
  avatar?: string | undefined;
  /** The voice (`TimbreKey`) of lines that leave `voice` empty. */
  voice?: string | undefined;
  /** `Mp4`, `TransparentWebm` or `TransparentMov` for lines that leave `format` empty. */
  format?: string | undefined;
  /** Speaking rate 0.5–1.5 for lines that leave `speed` empty (default 1). */
  speed?: number | undefined;
  /** The operation of text lines that name none (default `video.make`). */
  operation?: BatchOperation | undefined;
  /**
   * The script of every line, with `{column}` placeholders filled from the line's fields; used
   * when a line has no `text`. A line's own `text` may hold placeholders too.
   */
  template?: string | undefined;
}

/** `InputSsml` limit of the video and speech makers (1240/81268, 1240/81267). */
const MAX_TEXT = 20_000;
/** `InputSsml` limit with `TransparentMov` (1240/81268). */
const MAX_MOV_TEXT = 2_000;
const FORMATS = ['Mp4', 'TransparentWebm', 'TransparentMov'];
/** `id` becomes `out/<id>.<ext>`: letters, digits, `.`, `_`, `-`; not starting with a dot. */
const ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** What a line turns into, or why it cannot. */
export type LineResult =
  | { ok: true; id: string; operation: BatchOperation; payload: Record<string, unknown> }
  | { ok: false; message: string };

/** What the pages allow of `InputSsml`: no line breaks, 20,000 characters (2,000 for a MOV). */
function checkText(text: string, format: unknown, field = 'text'): string | undefined {
  if (/[\r\n]/.test(text)) return `${field} has a line break, which InputSsml may not contain`;
  const max = format === 'TransparentMov' ? MAX_MOV_TEXT : MAX_TEXT;
  if (text.length > max) {
    return `${field} is ${text.length} characters; the gateway takes at most ${max}${max === MAX_MOV_TEXT ? ' with TransparentMov' : ''}`;
  }
  return undefined;
}

function checkId(id: unknown): string | undefined {
  if (typeof id === 'number' && Number.isSafeInteger(id)) return checkId(String(id));
  if (typeof id !== 'string' || id === '') return 'id is missing';
  if (!ID.test(id)) {
    return `id ${JSON.stringify(id.slice(0, 40))} must be 1–128 letters, digits, ".", "_" or "-" (it names the output file), not starting with "."`;
  }
  return undefined;
}

/** A line's `id` and `operation` (the default's when it names none), or what is wrong with them. */
function idAndOperation(
  value: Readonly<Record<string, unknown>>,
  defaults: JobDefaults,
): { op: BatchOperation } | string {
  const idProblem = checkId(value['id']);
  if (idProblem) return idProblem;
  const op = value['operation'];
  if (op === undefined || op === '') return { op: defaults.operation ?? 'video.make' };
  if (BATCH_OPERATIONS.includes(op as BatchOperation)) return { op: op as BatchOperation };
  return `operation must be one of ${BATCH_OPERATIONS.join(', ')}, got ${JSON.stringify(op)}`;
}

/**
 * A text-to-video (or text-to-speech) line: `text` (or the template), `avatar`, `voice`,
 * `format`, `speed`, built into the documented payload. `SpeechParam.Speed` is always sent: the
 * English reference marks it mandatory for `videomake` (1211/62087) and `Speed` for `tts`
 * (1211/62086).
 */
export function textJob(
  fields: Readonly<Record<string, string>>,
  defaults: JobDefaults,
): LineResult {
  const head = idAndOperation(fields, defaults);
  if (typeof head === 'string') return { ok: false, message: head };
  const { op } = head;
  const source = fields['text'] || defaults.template;
  if (!source) return { ok: false, message: 'text is empty (and no --template is given)' };
  const { text, missing } = fillTemplate(source, fields);
  if (missing.length > 0) {
    return {
      ok: false,
      message: `the script names ${missing.map((m) => `{${m}}`).join(', ')}, which the line does not have`,
    };
  }
  if (text.trim() === '') return { ok: false, message: 'text is empty' };
  const textProblem = checkText(text, fields['format'] || defaults.format);
  if (textProblem) return { ok: false, message: textProblem };
  const avatar = fields['avatar'] || defaults.avatar;
  const voice = fields['voice'] || defaults.voice;
  const speedText = fields['speed'];
  const speed = speedText ? Number(speedText) : (defaults.speed ?? 1);
  if (!(speed >= 0.5 && speed <= 1.5)) {
    return {
      ok: false,
      message: `speed must be between 0.5 and 1.5, got ${JSON.stringify(speedText)}`,
    };
  }
  const format = fields['format'] || defaults.format;
  if (format !== undefined && !FORMATS.includes(format)) {
    return {
      ok: false,
      message: `format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}`,
    };
  }
  if (op === 'video.tts') {
    if (!voice && !avatar)
      return { ok: false, message: 'a speech line needs a voice or an avatar' };
    return {
      ok: true,
      id: fields['id']!,
      operation: op,
      payload: {
        ...(voice ? { TimbreKey: voice } : {}),
        ...(avatar && !voice ? { VirtualmanKey: avatar } : {}),
        InputSsml: text,
        Speed: speed,
      },
    };
  }
  if (!avatar) return { ok: false, message: 'avatar is empty (and no --avatar is given)' };
  return {
    ok: true,
    id: fields['id']!,
    operation: op,
    payload: {
      VirtualmanKey: avatar,
      InputSsml: text,
      SpeechParam: { Speed: speed, ...(voice ? { TimbreKey: voice } : {}) },
      ...(format ? { VideoParam: { Format: format } } : {}),
    },
  };
}

/** Required fields of the raw payloads, from the operation pages. */
const RAW_REQUIRED: Readonly<Record<BatchOperation, readonly string[]>> = {
  'video.make': ['VirtualmanKey'],
  'video.makeAdvanced': ['VirtualmanKey'],
  'video.tts': ['InputSsml'],
};

/** A JSONL line `{ id, operation, payload }`: a raw payload for the named create call. */
export function rawJob(
  value: Readonly<Record<string, unknown>>,
  defaults: JobDefaults,
): LineResult {
  const head = idAndOperation(value, defaults);
  if (typeof head === 'string') return { ok: false, message: head };
  const { op } = head;
  const payload = value['payload'];
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { ok: false, message: 'payload must be a JSON object' };
  }
  for (const field of RAW_REQUIRED[op]) {
    if (typeof (payload as Record<string, unknown>)[field] !== 'string') {
      return { ok: false, message: `payload.${field} (a string) is required by ${op}` };
    }
  }
  const fieldsOf = payload as Record<string, unknown>;
  const format = (fieldsOf['VideoParam'] as { Format?: unknown } | undefined)?.Format;
  const text = fieldsOf['InputSsml'];
  const textProblem =
    typeof text === 'string' ? checkText(text, format, 'payload.InputSsml') : undefined;
  if (textProblem) return { ok: false, message: textProblem };
  return {
    ok: true,
    id: String(value['id']),
    operation: op,
    payload: payload as Record<string, unknown>,
  };
}
