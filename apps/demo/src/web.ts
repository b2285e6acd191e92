import { startStack, type Upstream } from '@tvs/web/stack';
import { connect } from './connect.js';
import { MOCK_CREDENTIALS, readTarget, UsageError } from './settings.js';
import type { Run } from './video.js';

/** Resolves when `signal` aborts (Ctrl-C). */
function stopped(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * `tvs-demo web`: the web page in a browser, with everything it needs on 127.0.0.1: the gateway
 * (the embedded mock without credentials, the real one with them, as every command decides),
 * the edge signer in workerd holding the credentials and a caller token for the page, and the
 * page on the Vite dev server. Prints the one URL to open; Ctrl-C stops all three.
 */
export async function web(run: Run): Promise<{ url: string; gateway: string }> {
  const target = readTarget();
  if (target.kind === 'proxy') {
    throw new UsageError(
      'The web demo runs its own edge signer, which needs the credentials: TVS_BASE_URL alone (a signing proxy) is not enough.',
      [
        'Unset TVS_BASE_URL to run against the embedded mock gateway,',
        'or set TVS_APPKEY and TVS_ACCESS_TOKEN for the real gateway.',
      ],
    );
  }
  const connection = await connect(target);
  try {
    const upstream: Upstream =
      target.kind === 'mock'
        ? { url: connection.url, ...MOCK_CREDENTIALS }
        : { url: target.baseUrl, appkey: target.appkey, accessToken: target.accessToken };
    run.signal.throwIfAborted();
    const stack = await startStack({ upstream });
    try {
      const { ui } = run;
      ui.line(
        ui.style(
          'dim',
          target.kind === 'mock'
            ? 'Gateway: the embedded mock (no TVS_APPKEY/TVS_ACCESS_TOKEN set), so nothing leaves this machine.'
            : `Gateway: ${target.baseUrl}, appkey ${target.appkey}.`,
        ),
      );
      ui.line(
        ui.style(
          'dim',
          'Edge signer: the Worker in workerd, holding the credentials; the page gets a caller token, never the access token.',
        ),
      );
      ui.line();
      ui.line(`Open ${ui.style('bold', stack.url)} in a browser. Ctrl-C stops it all.`);
      // Ctrl-C: Miniflare's exit hook ends the process (exit code 130) and its workerd with it;
      // on any other abort, everything is closed below.
      await stopped(run.signal);
      return { url: stack.url, gateway: target.kind };
    } finally {
      await stack.close();
    }
  } finally {
    await connection.close();
  }
}
