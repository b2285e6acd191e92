/** One word (a CJK character, or a run of letters/digits) with its timing in milliseconds. */
export interface TimedWord {
  readonly Word: string;
  readonly StartTimestamp: number;
  readonly EndTimestamp: number;
}

/** One sentence of `TextTimestampResult`. */
export interface TimedSentence {
  readonly Sentence: string;
  readonly Words: readonly TimedWord[];
}

/** How a text is spoken: sentences with word timings, and the total duration. */
export interface SpeechPlan {
  readonly sentences: readonly TimedSentence[];
  /** Total duration in ms, lead-in and tail included. */
  readonly durationMs: number;
  /** Number of words (CJK characters count one each). */
  readonly words: number;
}

const LEAD_IN_MS = 300;
const TAIL_MS = 400;
const CJK_CHAR_MS = 230;
const WORD_BASE_MS = 120;
const LETTER_MS = 45;
const COMMA_PAUSE_MS = 200;
const SENTENCE_PAUSE_MS = 400;

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const SENTENCE_END = /[。！？!?；;\n]|\.(?=\s|$)/u;
const TOKEN =
  /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\p{L}\p{N}'’-]+|[，,、：:]/gu;

/** The text a listener hears: SSML tags removed, entities decoded, whitespace collapsed. */
export function plainText(ssml: string): string {
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .trim();
}

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = SENTENCE_END.exec(rest);
    const end = match ? match.index + match[0].length : rest.length;
    const sentence = rest.slice(0, end).trim();
    if (sentence && /[\p{L}\p{N}]/u.test(sentence)) sentences.push(sentence);
    rest = rest.slice(end);
  }
  return sentences;
}

/**
 * Plans the speech of `ssml` at `speed` (0.5–1.5): CJK characters at about 4 a second, Latin
 * words by their length, pauses at commas and sentence ends. Deterministic.
 */
export function planSpeech(ssml: string, speed = 1): SpeechPlan {
  const rate = Number.isFinite(speed) && speed > 0 ? speed : 1;
  const scale = (ms: number) => ms / rate;
  let at = LEAD_IN_MS;
  let words = 0;
  const sentences: TimedSentence[] = [];
  for (const sentence of splitSentences(plainText(ssml))) {
    const timed: TimedWord[] = [];
    for (const [token] of sentence.matchAll(TOKEN)) {
      if (/^[，,、：:]$/u.test(token)) {
        at += scale(COMMA_PAUSE_MS);
        continue;
      }
      const length = CJK.test(token) ? CJK_CHAR_MS : WORD_BASE_MS + LETTER_MS * token.length;
      const start = Math.round(at);
      at += scale(length);
      timed.push({ Word: token, StartTimestamp: start, EndTimestamp: Math.round(at) });
      words += 1;
    }
    if (timed.length > 0) sentences.push({ Sentence: sentence, Words: timed });
    at += scale(SENTENCE_PAUSE_MS);
  }
  return { sentences, durationMs: Math.round(at + TAIL_MS), words };
}

function srtTime(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)},${pad(ms % 1000, 3)}`;
}

/** SubRip subtitles for a plan: one cue per sentence, from its first word to its last. */
export function toSrt(plan: SpeechPlan): string {
  return plan.sentences
    .map((sentence, index) => {
      const start = sentence.Words[0]!.StartTimestamp;
      const end = sentence.Words[sentence.Words.length - 1]!.EndTimestamp;
      return `${index + 1}\n${srtTime(start)} --> ${srtTime(end)}\n${sentence.Sentence}\n`;
    })
    .join('\n');
}
