import { describe, expect, it } from 'vitest';
import { plainText, planSpeech, toSrt } from './speech.js';

describe('planSpeech', () => {
  it('strips SSML and times CJK characters and Latin words', () => {
    expect(plainText('<speak>a &amp; <break time="1s"/>b</speak>')).toBe('a & b');
    const plan = planSpeech('<speak>你好。Hello world!</speak>');
    expect(plan.sentences.map((s) => s.Sentence)).toEqual(['你好。', 'Hello world!']);
    expect(plan.words).toBe(4);
    const words = plan.sentences.flatMap((s) => s.Words);
    for (let i = 1; i < words.length; i++) {
      expect(words[i]!.StartTimestamp).toBeGreaterThanOrEqual(words[i - 1]!.EndTimestamp);
    }
    expect(plan.durationMs).toBeGreaterThan(words.at(-1)!.EndTimestamp);
  });
  it('grows with the text and shrinks with Speed', () => {
    expect(planSpeech('你好'.repeat(100)).durationMs).toBeGreaterThan(
      planSpeech('你好').durationMs * 30,
    );
    expect(planSpeech('你好世界', 1.5).durationMs).toBeLessThan(
      planSpeech('你好世界', 0.5).durationMs,
    );
  });
  it('writes valid SRT cues', () => {
    expect(toSrt(planSpeech('One. Two three.'))).toMatch(
      /^1\n00:00:00,300 --> 00:00:00,\d{3}\nOne\.\n\n2\n00:00:0\d,\d{3} --> 00:00:0\d,\d{3}\nTwo three\.\n$/,
    );
  });
});
