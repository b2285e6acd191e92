/** One subtitle of an SRT file. */
export interface Cue {
  /** Start and end in milliseconds. */
  start: number;
  end: number;
  text: string;
}

const TIME = /(\d+):(\d{2}):(\d{2})[,.](\d{1,3})/;

function ms(stamp: string): number | undefined {
  const m = TIME.exec(stamp);
  if (!m) return undefined;
  const [, h, min, s, frac] = m;
  return ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(frac!.padEnd(3, '0'));
}

/** Reads the cues of an SRT file; blocks without a valid timing line are skipped. */
export function parseSrt(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of text.replace(/^\uFEFF/, '').split(/\r?\n\s*\r?\n/)) {
    const lines = block.split(/\r?\n/).map((line) => line.trim());
    const timing = lines.findIndex((line) => line.includes('-->'));
    if (timing < 0) continue;
    const [from, to] = lines[timing]!.split('-->');
    const start = ms(from ?? '');
    const end = ms(to ?? '');
    const words = lines
      .slice(timing + 1)
      .filter(Boolean)
      .join(' ');
    if (start === undefined || end === undefined || !words) continue;
    cues.push({ start, end, text: words });
  }
  return cues;
}

/** `00:01.2`: minutes, seconds and tenths. */
export function formatCueTime(ms: number): string {
  const tenths = Math.floor(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  return `${String(minutes).padStart(2, '0')}:${seconds.toFixed(1).padStart(4, '0')}`;
}
