import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM and line breaks inside quotes, with line numbers', () => {
    const text = '\ufeffid,text\r\na,"Hello, ""you"""\r\n\r\nb,"two\nlines"\nc,plain\n';
    const { records, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['id', 'text'] },
      { line: 2, cells: ['a', 'Hello, "you"'] },
      { line: 4, cells: ['b', 'two\nlines'] },
      { line: 6, cells: ['c', 'plain'] },
    ]);
  });

  it('reports an unterminated quote and text after a closing quote with their lines', () => {
    expect(parseCsv('id\n"a"b\n').problems).toEqual([
      { line: 2, message: 'unexpected text after a closing quote' },
    ]);
    expect(parseCsv('id\nx\n"open\n').problems).toEqual([
      { line: 3, message: 'a quoted field is never closed' },
    ]);
  });

  it('round-trips any cells through csvCell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const text = rows.map((row) => row.map(csvCell).join(',')).join('\n');
          const parsed = parseCsv(text).records.map((r) => r.cells);
          // Blank records (one empty cell) are skipped by design.
          expect(parsed).toEqual(
            rows.filter((row) => !(row.length === 1 && row[0]!.trim() === '')),
          );
        },
      ),
    );
  });
});
