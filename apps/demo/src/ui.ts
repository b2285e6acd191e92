import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/**
 * `styleText` with the stream's say on colours for a list of formats too: Node 24's
 * `styleText(['red', 'bold'], …, { stream })` colours a pipe or file all the same, so a list is
 * applied one format at a time.
 */
export function paint(format: Style, text: string, stream: NodeJS.WriteStream): string {
  const formats = Array.isArray(format) ? format : [format];
  return formats.reduceRight((styled, one) => styleText(one, styled, { stream }), text);
}

/**
 * Where the demo writes. Human text goes to stdout, except in `--json` mode, where stdout holds
 * exactly one JSON document and the human text is dropped. Styles are applied only when the
 * stream is a terminal and colours are not turned off (`NO_COLOR`), as `styleText` decides.
 */
export class Ui {
  /** `--json`: one JSON document on stdout, nothing else. */
  readonly json: boolean;
  /** Bars and colours: stdout is a terminal and `--json` is off. */
  readonly tty: boolean;
  /** `--json` as JSON Lines (one compact object a line, for commands that stream events). */
  readonly jsonLines: boolean;

  constructor(json: boolean, stdoutIsTty = process.stdout.isTTY === true, jsonLines = false) {
    this.json = json;
    this.tty = stdoutIsTty && !json;
    this.jsonLines = jsonLines;
  }

  /** A line of human text on stdout (dropped with `--json`). */
  line(text = ''): void {
    this.write(`${text}\n`);
  }

  /** Human text on stdout without a line break, to be continued (dropped with `--json`). */
  write(text: string): void {
    if (!this.json) process.stdout.write(text);
  }

  style(format: Style, text: string): string {
    return paint(format, text, process.stdout);
  }

  heading(text: string): void {
    this.line(this.style('bold', text));
  }

  /** The `--json` document (one compact line in JSON Lines mode). */
  document(value: unknown): void {
    if (this.json) {
      process.stdout.write(`${JSON.stringify(value, null, this.jsonLines ? undefined : 2)}\n`);
    }
  }

  /** One JSON line of a streaming command's `--json` output. */
  event(value: unknown): void {
    if (this.json) process.stdout.write(`${JSON.stringify(value)}\n`);
  }

  /** A line on stderr, for errors: styled only when stderr is a terminal. */
  error(text: string, format?: Style): void {
    process.stderr.write(`${format ? paint(format, text, process.stderr) : text}\n`);
  }
}

/** `12.3s`, or `1m 02.3s` from a minute on. */
export function formatSeconds(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m ${(seconds - minutes * 60).toFixed(1).padStart(4, '0')}s`;
}

/** `512 B`, `7.2 kB`, `3.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns of `text`: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Columns padded to their widest cell, two spaces apart. */
export function table(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - displayWidth(cell)),
      )
      .join('  ')
      .trimEnd(),
  );
}
