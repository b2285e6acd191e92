import { styleText } from 'node:util';
import type { BatchEvent, BatchSummary } from '../events.js';
import {
  emptyCounts,
  FINAL_STATES,
  JOB_STATES,
  type JobState,
  type StateCounts,
} from '../state/job-record.js';
import { formatBytes, formatDuration, table } from './format.js';

type Mode = 'tty' | 'plain' | 'json';

/** How many seconds of completions the throughput is measured over. */
const WINDOW_MS = 30_000;

/**
 * What the CLI shows of a run. On a terminal: one status line redrawn in place (counts per
 * state, throughput, ETA) with warnings printed above it. Off a terminal: one plain line per
 * job that reaches a final state, and warnings. With `--json`: every event as one JSON line.
 * Always a summary table at the end (except with `--json`, whose last line is the summary).
 */
export class Display {
  readonly #mode: Mode;
  readonly #out: NodeJS.WriteStream;
  readonly #counts: StateCounts = emptyCounts();
  readonly #done: number[] = [];
  #total = 0;
  #queuedAtGateway = new Set<string>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #drawn = false;
  readonly #started = performance.now();

  constructor(options: { json: boolean; out?: NodeJS.WriteStream }) {
    this.#out = options.out ?? process.stdout;
    this.#mode = options.json ? 'json' : this.#out.isTTY ? 'tty' : 'plain';
  }

  #style(format: Parameters<typeof styleText>[0], text: string): string {
    return this.#mode === 'tty' ? styleText(format, text, { stream: this.#out }) : text;
  }

  #write(text: string): void {
    if (this.#mode === 'tty' && this.#drawn) this.#out.write('\r\x1b[K');
    this.#out.write(text);
    this.#drawn = false;
  }

  /** Handles one event of the run. */
  event(event: BatchEvent): void {
    if (this.#mode === 'json') {
      this.#out.write(`${JSON.stringify(event)}\n`);
      return;
    }
    switch (event.type) {
      case 'start':
        this.#total = event.total;
        Object.assign(this.#counts, event.counts);
        this.#write(`${event.total} jobs (${describe(event.counts)}); state in ${event.store}\n`);
        if (this.#mode === 'tty') this.#timer = setInterval(() => this.#draw(), 250);
        break;
      case 'state':
        this.#move(event.id, event.from, event.state, event.queuePosition);
        if (this.#mode === 'plain' && FINAL_STATES.has(event.state)) {
          const detail =
            event.state === 'downloaded'
              ? (event.files?.map((f) => f.path).join(' ') ?? '')
              : `${event.code ?? ''} ${event.explanation ?? ''}`.trim();
          this.#write(
            `${event.id} ${event.state}${event.taskId ? ` task ${event.taskId}` : ''} ${detail}\n`,
          );
        }
        break;
      case 'throttled':
        if (this.#mode === 'plain')
          this.#write(
            `busy: ${event.reason} (pausing ${formatDuration(event.pauseMs)}, then ${event.rate.toFixed(1)} calls/s)\n`,
          );
        break;
      case 'warning':
        this.#write(`${this.#style('yellow', 'warning:')} ${event.message}\n`);
        break;
      case 'stopping':
        this.#write(`${this.#style('yellow', event.reason)}\n`);
        break;
      case 'done':
        this.close();
        break;
    }
    if (this.#mode === 'tty') this.#draw();
  }

  #move(id: string, from: JobState, to: JobState, queuePosition?: number): void {
    this.#counts[from]--;
    this.#counts[to]++;
    if (to === 'downloaded') this.#done.push(performance.now());
    if (to === 'rendering' && (queuePosition ?? 0) > 0) this.#queuedAtGateway.add(id);
    else this.#queuedAtGateway.delete(id);
  }

  /** Jobs downloaded per second over the last 30 s. */
  #throughput(): number {
    const now = performance.now();
    while (this.#done.length > 0 && this.#done[0]! < now - WINDOW_MS) this.#done.shift();
    const span = Math.min(WINDOW_MS, now - this.#started);
    return span > 0 ? this.#done.length / (span / 1000) : 0;
  }

  #draw(): void {
    if (this.#mode !== 'tty') return;
    const rate = this.#throughput();
    const left =
      this.#total - this.#counts.downloaded - this.#counts.failed - this.#counts.ambiguous;
    const eta = rate > 0 ? formatDuration((left / rate) * 1000) : '–';
    const c = this.#counts;
    const line =
      `${this.#style('green', `${c.downloaded}/${this.#total} downloaded`)} · ${c.rendering + c.submitted} rendering` +
      `${this.#queuedAtGateway.size ? ` (${this.#queuedAtGateway.size} queued at the gateway)` : ''} · ${c.queued + c.submitting} to submit` +
      `${c.failed ? ` · ${this.#style('red', `${c.failed} failed`)}` : ''}${c.ambiguous ? ` · ${this.#style('yellow', `${c.ambiguous} ambiguous`)}` : ''}` +
      ` · ${rate.toFixed(1)} jobs/s · ETA ${eta}`;
    this.#out.write(`\r\x1b[K${line}`);
    this.#drawn = true;
  }

  /** Stops redrawing. */
  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#mode === 'tty' && this.#drawn) this.#out.write('\n');
    this.#drawn = false;
  }

  /** The summary table (or, with `--json`, nothing: the `done` event carried it). */
  summary(summary: BatchSummary, manifest?: string): void {
    this.close();
    if (this.#mode === 'json') return;
    this.#out.write(`\n${summaryLines(summary, manifest).join('\n')}\n`);
  }
}

function describe(counts: StateCounts): string {
  const parts = JOB_STATES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.join(', ') || 'none';
}

/** The end-of-run table: jobs per state, then what the run did. */
export function summaryLines(summary: BatchSummary, manifest?: string): string[] {
  const rows: string[][] = [['state', 'jobs']];
  for (const state of JOB_STATES) rows.push([state, String(summary.counts[state])]);
  rows.push(['total', String(summary.total)]);
  const lines = table(rows);
  lines.push(
    '',
    `this run: ${summary.downloadedNow} downloaded (${formatBytes(summary.downloadedBytes)}) in ${formatDuration(summary.elapsedMs)}, ${summary.jobsPerSecond.toFixed(2)} jobs/s`,
    `          ${summary.creates} creates, ${summary.polls} polls (${summary.pollsPerTask.toFixed(2)} per task), ${summary.throttles} throttled`,
  );
  if (summary.stopped) lines.push('stopped before the end: run the same command again to resume');
  if (summary.counts.ambiguous > 0) {
    lines.push(
      `${summary.counts.ambiguous} ambiguous: their create may have reached the gateway; they are not sent again (see --resubmit-ambiguous)`,
    );
  }
  if (manifest) lines.push(`manifest: ${manifest}`);
  return lines;
}
