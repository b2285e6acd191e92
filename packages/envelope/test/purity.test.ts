import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../src/', import.meta.url).pathname;
const sources = (readdirSync(srcDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(f))
  .map((f) => [f, stripComments(readFileSync(join(srcDir, f), 'utf8'))] as const);

/** Code only: TSDoc examples legitimately mention other packages and runtimes. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('the envelope stays portable', () => {
  it('has sources to check, in subfolders too', () => {
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.some(([file]) => file.startsWith('operations'))).toBe(true);
  });
  it.each([
    ['a node: import', /from ['"]node:/],
    ['an import of another @tvs package', /from ['"]@tvs\//],
    ['an import of any package at all', /from ['"][^./]/],
    ['Buffer', /\bBuffer\b/],
    ['process', /\bprocess\b/],
    ['require', /\brequire\(/],
    ['btoa or atob', /\b(btoa|atob)\(/],
    [
      'a runtime global (globalThis, window, self, Deno, Bun)',
      /\b(globalThis|window|self|Deno|Bun)\b/,
    ],
    ['fetch or timers', /\b(fetch|setTimeout|setInterval|queueMicrotask)\(/],
    ['crypto beyond getRandomValues', /\bcrypto\.(?!getRandomValues\b)/],
  ])('uses no %s', (_what, pattern) => {
    for (const [file, text] of sources)
      expect(`${file}: ${pattern.test(text)}`).toBe(`${file}: false`);
  });
});
