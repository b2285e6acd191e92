import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from './suggest.js';

const COMMANDS = ['video', 'avatars', 'voices', 'progress', 'chat', 'web', 'sign'];

describe('nearest command', () => {
  it('suggests the command a typo was meant to be', () => {
    expect(nearest('vidoe', COMMANDS)).toBe('video');
    expect(nearest('avatarz', COMMANDS)).toBe('avatars');
    expect(nearest('sing', COMMANDS)).toBe('sign');
    expect(nearest('Voice', COMMANDS)).toBe('voices');
    expect(nearest('progess', COMMANDS)).toBe('progress');
    expect(nearest('wbe', COMMANDS)).toBe('web');
  });

  it('suggests nothing for a word that is no command', () => {
    expect(nearest('x', COMMANDS)).toBeUndefined();
    expect(nearest('hello there', COMMANDS)).toBeUndefined();
    expect(nearest('tour', COMMANDS)).toBeUndefined();
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('vidoe', 'video')).toBe(1);
    expect(editDistance('', 'web')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is a distance: zero only between equal words, symmetric, at most the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
