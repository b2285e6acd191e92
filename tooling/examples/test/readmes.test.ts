// What a reader of the READMEs meets first, checked: each published package's README opens with
// its install line and then a complete example (one that runs: not a fragment); the Node versions
// it states are its `engines`; examples/README.md lists every example.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicPackages, REPO_ROOT } from '@tvs/release-check/src/workspace.mjs';
import { describe, expect, it } from 'vitest';
import { blocksOf } from '../src/markdown.mjs';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
/** `>=22.13` → `22.13`, `>=22` → `22`. */
const floorOf = (range: string) => /^>=\s*(\d+(?:\.\d+)?)(?:\.0)?$/.exec(range.trim())?.[1];

describe.each(publicPackages())('$name README', ({ name, rel, pkg }) => {
  const readme = read(`${rel}/README.md`);

  it('starts with its install line', () => {
    const opening = /^# (\S+)\n\n```sh\n(npm install [^\n]+)\n/.exec(readme);
    expect(opening?.[1]).toBe(name);
    expect(opening?.[2]).toMatch(new RegExp(`npm install (--save-dev )?${name}\\b`));
  });

  it('then shows a complete example: its first code block runs, importing the package', () => {
    const [first] = blocksOf(`${rel}/README.md`, readme);
    expect(first, 'a ts or js block').toBeDefined();
    expect(first!.fragment).toBeUndefined();
    expect(first!.code).toContain(`from '${name}'`);
  });

  it('states the Node versions of its engines field', () => {
    const floor = floorOf(String(pkg.engines?.node ?? ''));
    expect(floor, `engines.node of ${name}`).toBeDefined();
    const stated = [...readme.matchAll(/Node ≥ (\d+(?:\.\d+)?)/g)].map((m) => m[1]);
    expect(stated.length, `the README says "Node ≥ ${floor}" somewhere`).toBeGreaterThan(0);
    expect(new Set(stated)).toEqual(new Set([floor]));
  });

  it("is described with the same Node floor in the root README's table", () => {
    const row = read('README.md')
      .split('\n')
      .find((line) => line.startsWith(`| [\`${name}\`]`));
    expect(row, `a row for ${name}`).toBeDefined();
    for (const [, version] of row!.matchAll(/Node ≥ (\d+(?:\.\d+)?)/g)) {
      expect(version).toBe(floorOf(String(pkg.engines.node)));
    }
  });
});

it('examples/README.md links every example', () => {
  const readme = read('examples/README.md');
  const entries = readdirSync(join(REPO_ROOT, 'examples'), { withFileTypes: true }).filter(
    (entry) => entry.name !== 'README.md',
  );
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) {
    expect(readme, entry.name).toContain(`](${entry.name}${entry.isDirectory() ? '/' : ')'}`);
  }
});
