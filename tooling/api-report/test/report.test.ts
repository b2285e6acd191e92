// The report itself: what it shows, and that a change of the surface changes it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiReports, updateApiReports } from '../src/index.mjs';

const dir = mkdtempSync(join(tmpdir(), 'tvs-api-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writePackage(declarations: string) {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: '@tvs/example',
      exports: { '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' } } },
    }),
  );
  writeFileSync(join(dir, 'dist/index.d.ts'), declarations);
}

const V1 = `/** Docs are left out of the report. */
interface Options { retries: number }
declare function run(options: Options): Promise<string>;
declare const LIMIT = 3;
export { LIMIT, run as start };
`;

describe('the API report', () => {
  it('lists the exports by name, renames noted, then what they reach that is not exported', () => {
    writePackage(V1);
    const [report] = apiReports(dir);
    expect(report!.expected).toBeUndefined();
    expect(report!.actual).toContain('## Exported (2)');
    expect(report!.actual).toContain('declare const LIMIT = 3;');
    expect(report!.actual).toContain(
      '// exported as start\ndeclare function run(options: Options): Promise<string>;',
    );
    expect(report!.actual).toContain('## Not exported, but reachable from the exports (1)');
    expect(report!.actual).toContain('interface Options {\n    retries: number;\n}');
    expect(report!.actual).not.toContain('Docs are left out');
  });

  it('is unchanged by comments, changed by any change of a signature, even an unexported one', () => {
    writePackage(V1);
    expect(updateApiReports(dir)).toHaveLength(1);
    writePackage(`// a new comment\n${V1}`);
    expect(apiReports(dir).every((r) => r.actual === r.expected)).toBe(true);
    writePackage(V1.replace('retries: number', 'retries?: number'));
    expect(apiReports(dir).every((r) => r.actual === r.expected)).toBe(false);
    writePackage(
      V1.replace('export { LIMIT, run as start }', 'export { LIMIT, run as start, run }'),
    );
    expect(apiReports(dir).every((r) => r.actual === r.expected)).toBe(false);
  });
});
