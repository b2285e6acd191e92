/** One CSV record: its cells and the physical line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** A CSV syntax problem, with the line it was found on. */
export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside is
 * doubled; a quoted field may span lines), CRLF or LF line ends, a UTF-8 byte-order mark
 * ignored. Blank lines are skipped. Returns the records with the line each starts on, and the
 * problems found (an unterminated quote, text after a closing quote).
 *
 * @example
 * ```ts
 * parseCsv('id,text\na,"Hi, you"\n').records; // [{ line: 1, cells: ['id', 'text'] }, { line: 2, cells: ['a', 'Hi, you'] }]
 * ```
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (at < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let ended = false;
    while (!ended) {
      if (text[at] === '"') {
        // A quoted field: runs to the next lone quote.
        at++;
        for (;;) {
          if (at >= text.length) {
            problems.push({ line: start, message: 'a quoted field is never closed' });
            break;
          }
          const char = text[at]!;
          if (char === '"') {
            if (text[at + 1] === '"') {
              cell += '"';
              at += 2;
              continue;
            }
            at++;
            break;
          }
          if (char === '\n') line++;
          cell += char;
          at++;
        }
        const next = text[at];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          problems.push({ line, message: 'unexpected text after a closing quote' });
          while (at < text.length && text[at] !== ',' && text[at] !== '\n') at++;
        }
      } else {
        while (at < text.length && text[at] !== ',' && text[at] !== '\n' && text[at] !== '\r') {
          cell += text[at];
          at++;
        }
      }
      cells.push(cell);
      cell = '';
      const char = text[at];
      if (char === ',') {
        at++;
      } else {
        if (char === '\r') at++;
        if (text[at] === '\n') at++;
        line++;
        ended = true;
      }
    }
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ line: start, cells });
  }
  return { records, problems };
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break.
 *
 * @example
 * ```ts
 * csvCell('a,b'); // '"a,b"'
 * ```
 */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
