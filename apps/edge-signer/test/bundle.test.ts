import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleWorker, sizeOf } from '../scripts/bundle.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  sizeBudget: { path: string; limit: number }[];
};

describe('the Worker bundle', () => {
  it('is one module of its own sources, @tvs/signer and @noble/hashes, with no imports left', async () => {
    const { inputs, imports } = await bundleWorker();
    expect(imports).toEqual([]);
    const outside = inputs.filter(
      (path) =>
        !path.startsWith('apps/edge-signer/src/') &&
        !path.startsWith('packages/signer/') &&
        !path.includes('node_modules/@noble/hashes/'),
    );
    expect(outside).toEqual([]);
    expect(inputs.some((path) => path.startsWith('packages/signer/'))).toBe(true);
    // No other @tvs package (the mock gateway, envelope, client) and no test file.
    expect(inputs.filter((path) => /packages\/(?!signer\/)|\.test\.ts$/.test(path))).toEqual([]);
  });

  it('stays within its size budget (printed: minified and min+gz bytes)', async () => {
    const { code } = await bundleWorker();
    const { minified, gzipped } = sizeOf(code!);
    const limit = pkg.sizeBudget.find((entry) => entry.path === 'dist/worker.js')!.limit;
    console.log(
      `@tvs/edge-signer worker: ${minified} B minified, ${gzipped} B min+gz (budget ${limit} B)`,
    );
    expect(gzipped).toBeLessThanOrEqual(limit);
    expect(code).not.toMatch(/\bfrom\s*["']node:|require\(/);
  });
});
