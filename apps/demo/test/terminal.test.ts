import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, CLI, cleanEnv, freshDir } from './helpers.js';

describe('on a terminal', () => {
  it('shows a live progress bar with the elapsed time (under a pseudo-terminal)', async () => {
    const cwd = freshDir();
    // util-linux `script` gives the CLI a pseudo-terminal and copies what it draws to stdout.
    const child = spawn(
      'script',
      ['-qfec', `${JSON.stringify(process.execPath)} ${CLI}`, '/dev/null'],
      {
        cwd,
        env: {
          ...cleanEnv({ TVS_DEMO_RENDER_SPEED: '5' }),
          TERM: 'xterm-256color',
          COLUMNS: '120',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, output).toBe(0);
    // The bar is redrawn in place (carriage return / cursor to column 1), not printed line by line.
    expect(output).toMatch(/rendering \|█*░+\| \d+%/);
    expect(output).toMatch(/done {6}\|█{30}\| 100%/);
    expect(output).toMatch(/elapsed\S* \d+\.\ds/);
    expect(output).toContain(`${ANSI}1G`);
    expect(output).toMatch(/download {2}\|█{30}\| 100% {2}7\.4 kB of 7\.4 kB/);
    expect(output).toContain('Done in');
    expect(readdirSync(join(cwd, 'out'))).toHaveLength(1);
  });

  it('Ctrl-C typed at the terminal stops the bar, restores the cursor and exits 130', async () => {
    const cwd = freshDir();
    const child = spawn(
      'script',
      ['-qfec', `${JSON.stringify(process.execPath)} ${CLI}`, '/dev/null'],
      {
        cwd,
        env: { ...cleanEnv({ TVS_DEMO_RENDER_SPEED: '0.2' }), TERM: 'xterm-256color' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let typed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!typed && output.includes('rendering |')) {
        typed = true;
        child.stdin.write('\u0003'); // the terminal turns it into SIGINT for the demo
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(typed).toBe(true);
    expect(code, output).toBe(130);
    const afterCtrlC = output.slice(output.lastIndexOf('rendering |'));
    expect(afterCtrlC).toContain(`${ANSI}?25h`); // cursor shown again
    expect(afterCtrlC).toMatch(
      /Cancelled\.\r?\nTask [0-9a-f]{32} was on the embedded mock gateway/,
    );
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});
