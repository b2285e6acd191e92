import { describe, expect, it } from 'vitest';
import { exceedsDepth } from './json-depth.js';

const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('exceedsDepth', () => {
  it('counts objects and arrays alike', () => {
    expect(exceedsDepth('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(exceedsDepth('{"a":[{"b":[]}]}', 3)).toBe(true);
  });

  it('accepts exactly the limit and refuses one more', () => {
    expect(exceedsDepth(nest(64), 64)).toBe(false);
    expect(exceedsDepth(nest(65), 64)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsDepth(`["${'['.repeat(100)}"]`, 1)).toBe(false);
    expect(exceedsDepth(`["\\"${'{'.repeat(100)}"]`, 1)).toBe(false);
    expect(exceedsDepth(`["\\\\",[[]]]`, 2)).toBe(true);
  });

  it('measures sequential siblings, not their sum', () => {
    expect(exceedsDepth('[[],[],[],[]]', 2)).toBe(false);
  });
});
