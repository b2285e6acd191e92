import { describe, expect, it } from 'vitest';
import { formatCueTime, parseSrt } from './srt.js';

describe('parseSrt', () => {
  it('reads cues with CRLF, a BOM and multi-line text', () => {
    const srt =
      '\uFEFF1\r\n00:00:00,300 --> 00:00:01,250\r\nHello there.\r\n\r\n2\r\n00:00:01,650 --> 00:01:02,5\r\nTwo\r\nlines\r\n';
    expect(parseSrt(srt)).toEqual([
      { start: 300, end: 1250, text: 'Hello there.' },
      { start: 1650, end: 62_500, text: 'Two lines' },
    ]);
  });

  it('skips blocks without a timing line or text', () => {
    expect(parseSrt('garbage\n\n1\n00:00:01,000 --> 00:00:02,000\n\n')).toEqual([]);
  });
});

describe('formatCueTime', () => {
  it('shows minutes, seconds and tenths', () => {
    expect(formatCueTime(0)).toBe('00:00.0');
    expect(formatCueTime(62_540)).toBe('01:02.5');
  });
});
