import { type Cue, parseSrt } from '@tvs/app-common';

/** `HH:MM:SS.mmm`, the WebVTT timestamp form (hours always shown). */
export function vttTime(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor(whole / 60_000) % 60;
  const seconds = Math.floor(whole / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(whole % 1000, 3)}`;
}

/**
 * WebVTT for `cues`. Cue text may not contain `-->` nor start a line empty, and `<` and `&`
 * start markup in WebVTT, so they are escaped: the subtitles show exactly the SRT's words.
 */
export function cuesToVtt(cues: readonly Cue[]): string {
  const escaped = (text: string) =>
    text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('-->', '--&gt;');
  const blocks = cues.map(
    (cue) => `${vttTime(cue.start)} --> ${vttTime(cue.end)}\n${escaped(cue.text)}`,
  );
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

/** The gateway's SRT subtitles (`SubtitlesUrl`) as WebVTT, which `<track>` understands. */
export function srtToVtt(srt: string): string {
  return cuesToVtt(parseSrt(srt));
}
