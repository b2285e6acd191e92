// The README says what the code does: its install line first, the retry table rendered from the
// rules the transport runs, and a Public API section naming exactly what src/index.ts exports.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderRetryTable } from './retry-table.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Every name src/index.ts exports. */
function exportedNames(): string[] {
  const file = new URL('../src/index.ts', import.meta.url);
  const source = ts.createSourceFile(
    'index.ts',
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) continue;
    if (!ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) names.push(element.name.text);
  }
  return names.sort();
}

/** A Markdown table's cells, trimmed, with the separator row's dashes counted as one. */
function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/^-+$/, '---')),
    );
}

describe('README', () => {
  it('starts with its install line, then a complete example', () => {
    expect(readme.startsWith('# @tvs/client\n\n```sh\nnpm install @tvs/client\n```\n')).toBe(true);
    const firstExample = readme.slice(readme.indexOf('```ts'));
    expect(firstExample).toMatch(/^```ts\n[\s\S]*?import \{ createClient \} from '@tvs\/client';/);
  });

  it('shows the retry table the transport runs', () => {
    const start = readme.indexOf('<!-- retry-table:start -->\n');
    const end = readme.indexOf('\n<!-- retry-table:end -->');
    expect(start).toBeGreaterThan(0);
    const shown = readme.slice(start + '<!-- retry-table:start -->\n'.length, end);
    // Cell by cell: the formatter pads the columns.
    expect(cells(shown), 'paste the expected table into the README').toEqual(
      cells(renderRetryTable()),
    );
  });

  it('lists exactly the exported names in its Public API section', () => {
    const section = readme.slice(readme.indexOf('## Public API'), readme.indexOf('## Options'));
    const listed = [...section.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]!);
    const exported = exportedNames();
    const notExported = listed.filter((name) => !exported.includes(name) && !/^[a-z]/.test(name));
    expect(notExported, 'listed but not exported').toEqual([]);
    expect(
      exported.filter((name) => !listed.includes(name)),
      'exported but not listed',
    ).toEqual([]);
  });
});
