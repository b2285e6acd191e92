import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../state/job-record.js';
import { Display } from './display.js';

function fakeTerminal() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += chunk;
      callback();
    },
  }) as unknown as NodeJS.WriteStream;
  (stream as { isTTY: boolean }).isTTY = true;
  return { stream, text: () => text };
}

describe('Display on a terminal', () => {
  it('redraws one status line with counts per state, throughput and ETA, and prints warnings above it', () => {
    const terminal = fakeTerminal();
    const display = new Display({ json: false, out: terminal.stream });
    display.event({
      type: 'start',
      total: 3,
      counts: { ...emptyCounts(), queued: 3 },
      store: 'jobs.db',
    });
    display.event({ type: 'state', id: 'a', from: 'queued', state: 'submitting' });
    display.event({ type: 'state', id: 'a', from: 'submitting', state: 'submitted', taskId: 't' });
    display.event({
      type: 'state',
      id: 'a',
      from: 'submitted',
      state: 'rendering',
      progress: 0,
      queuePosition: 2,
    });
    expect(terminal.text()).toContain('1 rendering (1 queued at the gateway) · 2 to submit');
    display.event({ type: 'state', id: 'a', from: 'rendering', state: 'downloaded', files: [] });
    display.event({ type: 'warning', message: 'something to know' });
    // Styles (when the terminal takes colours) are escape codes around the words.
    const text = terminal
      .text()
      .replaceAll(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '');
    expect(terminal.text()).toContain('\r\x1b[K');
    expect(text).toContain('1/3 downloaded');
    expect(text).toMatch(/\d+\.\d jobs\/s · ETA /);
    expect(text).toContain('warning: something to know\n');
    display.close();
  });
});
