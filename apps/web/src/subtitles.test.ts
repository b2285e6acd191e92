import { describe, expect, it } from 'vitest';
import { cuesToVtt, srtToVtt, vttTime } from './subtitles.js';

describe('srtToVtt', () => {
  it('turns SRT cues into WebVTT with dotted, hour-long timestamps', () => {
    const srt =
      '1\r\n00:00:00,300 --> 00:00:01,250\r\nHello there.\r\n\r\n2\r\n01:02:03,004 --> 01:02:04,500\r\nTwo\r\nlines\r\n';
    expect(srtToVtt(srt)).toBe(
      'WEBVTT\n\n00:00:00.300 --> 00:00:01.250\nHello there.\n\n01:02:03.004 --> 01:02:04.500\nTwo lines\n',
    );
  });

  it('escapes what WebVTT would read as markup or a timing line', () => {
    expect(cuesToVtt([{ start: 0, end: 1000, text: 'a <b> & c --> d' }])).toContain(
      'a &lt;b> &amp; c --&gt; d',
    );
  });

  it('is a header alone when there are no cues', () => {
    expect(srtToVtt('')).toBe('WEBVTT\n\n\n');
  });

  it('formats times', () => {
    expect(vttTime(0)).toBe('00:00:00.000');
    expect(vttTime(3_723_004)).toBe('01:02:03.004');
    expect(vttTime(-5)).toBe('00:00:00.000');
  });
});
