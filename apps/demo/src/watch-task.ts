import { describeState } from '@tvs/app-common';
import type { TvsClient } from '@tvs/client';
import { SingleBar } from 'cli-progress';
import { formatSeconds, type Ui } from './ui.js';

/** What `getprogress` returns (the client's `VideoProgress`). */
export type VideoProgress = Awaited<ReturnType<TvsClient['video']['progress']>>;

export interface WatchOptions {
  signal: AbortSignal;
  pollInterval: number;
  maxPollInterval: number;
}

/**
 * Waits for a video task with `client.video.waitFor`, showing it: a live bar on a terminal
 * (queue position while `COMMIT`, percent while `MAKING`, elapsed time), one plain line per
 * change otherwise, nothing with `--json`. Resolves with the final progress; rejects as
 * `waitFor` does (`TvsTaskFailedError`, or the signal's reason on Ctrl-C).
 */
export async function watchTask(
  client: TvsClient,
  ui: Ui,
  taskId: string,
  options: WatchOptions,
): Promise<VideoProgress> {
  const started = performance.now();
  const bar = ui.tty
    ? new SingleBar({
        stream: process.stdout,
        format: `  {phase} |{bar}| {percentage}%  {detail}  ${ui.style('dim', 'elapsed')} {elapsed}`,
        barCompleteChar: '█',
        barIncompleteChar: '░',
        barsize: 30,
        hideCursor: true,
        fps: 10,
      })
    : undefined;
  const elapsed = () => formatSeconds(performance.now() - started);
  // The bar redraws on its own timer; the elapsed time is refreshed alongside.
  const ticker = bar
    ? setInterval(() => bar.update({ elapsed: elapsed() }), 100).unref()
    : undefined;
  bar?.start(100, 0, { phase: 'queued   ', detail: '', elapsed: elapsed() });
  try {
    const result = await client.video.waitFor(taskId, {
      signal: options.signal,
      pollInterval: options.pollInterval,
      maxPollInterval: options.maxPollInterval,
      onProgress: (progress) => {
        const { phase, detail } = describeState(progress);
        const percent = progress.Status === 'SUCCESS' ? 100 : Math.max(0, progress.Progress ?? 0);
        // The bar shows the percentage itself; its detail is for the queue and the outcome.
        const barDetail = progress.Status === 'MAKING' ? '' : detail;
        if (bar)
          bar.update(percent, { phase: phase.padEnd(9), detail: barDetail, elapsed: elapsed() });
        else ui.line(`  ${elapsed().padStart(6)}  ${phase.padEnd(9)} ${detail}`.trimEnd());
      },
    });
    bar?.update(100, { phase: 'done     ', detail: '', elapsed: elapsed() });
    return result;
  } finally {
    clearInterval(ticker);
    bar?.stop();
  }
}
