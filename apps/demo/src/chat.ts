import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { endsDrive, type LiveSession, type OpenSessionRequest, SESSION_STATUS } from '@tvs/client';
import { avatarName, avatars, key, pickAvatar } from './assets.js';
import type { Connection } from './connect.js';
import { UsageError } from './settings.js';
import { NO_TEXT_AVATAR, type Run } from './video.js';

export interface ChatOptions {
  /** An avatar asset (`createsessionbyasset`); default: the account's first text avatar. */
  avatar?: string | undefined;
  /** A console project (`createsession`). */
  project?: string | undefined;
}

/** What ends the chat besides end of input (Ctrl-D, or the end of a pipe). */
const QUIT = '/quit';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** The session to ask for: a text-driven session of the project, the avatar or the first avatar. */
async function sessionRequest(
  connection: Connection,
  run: Run,
  options: ChatOptions,
): Promise<{ request: OpenSessionRequest; label: string }> {
  // A UserId of its own: a new session with the same UserId would close another chat's.
  const base = { UserId: `tvs-demo-${hex(4)}`, Protocol: 'webrtc', DriverType: 1 } as const;
  if (options.project !== undefined) {
    if (options.avatar !== undefined) throw new UsageError('Give --avatar or --project, not both.');
    return {
      request: { ...base, VirtualmanProjectId: options.project },
      label: `project ${options.project}`,
    };
  }
  if (options.avatar !== undefined) {
    return {
      request: { ...base, AssetVirtualmanKey: options.avatar },
      label: `avatar ${options.avatar}`,
    };
  }
  const chosen = pickAvatar(await avatars(connection.client, run.signal, 20));
  if (chosen === undefined) throw new UsageError(NO_TEXT_AVATAR);
  const avatar = key(chosen, 'VirtualmanKey');
  return {
    request: { ...base, AssetVirtualmanKey: avatar },
    label: `avatar ${avatarName(chosen)} ${run.ui.style('dim', avatar)}`,
  };
}

/** Reads lines until `/quit` or end of input, speaking each one; returns how many were sent. */
async function converse(session: LiveSession, run: Run): Promise<number> {
  const { ui } = run;
  const { channel } = session;
  const interactive = process.stdin.isTTY === true && !ui.json;
  let speaking: string | undefined; // the ReqId being spoken
  let statuses = 0;
  channel.on('message', ({ message }) => {
    ui.event({ event: 'message', message });
    if (message.ReqId !== speaking || typeof message.SpeakStatus !== 'string') return;
    const status = message.SpeakStatus;
    ui.write(
      `${statuses++ === 0 ? ' ' : ' → '}${endsDrive(message) ? ui.style('green', status) : status}`,
    );
  });
  const lines = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  });
  // In raw mode Ctrl-C reaches readline, not the process: hand it on to the one SIGINT handler.
  lines.on('SIGINT', () => {
    if (speaking === undefined) ui.line(); // leave the prompt's line
    process.kill(process.pid, 'SIGINT');
  });
  lines.setPrompt(ui.style('bold', '> '));
  ui.line(`Type a line and press Enter; the avatar speaks it. ${QUIT} or Ctrl-D ends the chat.`);
  const prompt = () => interactive && lines.prompt();
  let sent = 0;
  try {
    prompt();
    for await (const line of lines) {
      const text = line.trim();
      if (text === QUIT) break;
      if (text === '') {
        prompt();
        continue;
      }
      if (!interactive) ui.line(`> ${text}`); // a piped line is not echoed by a terminal
      speaking = hex(16);
      statuses = 0;
      ui.event({ event: 'sent', reqId: speaking, text });
      ui.write(`  speaking… ${ui.style('dim', `(ReqId ${speaking})`)}`);
      try {
        const drive = await channel.sendText(text, { reqId: speaking });
        sent++;
        await drive.finished({ signal: session.signal });
      } finally {
        ui.line();
        speaking = undefined;
      }
      prompt();
    }
  } finally {
    lines.close();
  }
  return sent;
}

/** Says whether the session is closed, asking the gateway (its slot is what costs money). */
async function confirmClosed(connection: Connection, run: Run, session: LiveSession) {
  const { sessionId } = session;
  // Already closed by the lifecycle helper, or closing after Ctrl-C: wait for it.
  const failed = await session.close().then(
    () => false,
    () => true,
  );
  const state = failed
    ? undefined
    : await connection.client.sessions
        .stat({ SessionId: sessionId }, { timeout: 5_000 })
        .catch(() => undefined);
  const sessionStatus = state?.SessionStatus;
  run.ui.event({ event: 'closed', sessionId, closed: !failed, sessionStatus });
  run.ui.line(
    failed
      ? `Session ${sessionId} may still be open (closesession failed): close it in the TVS console, it holds a concurrency slot.`
      : `Session ${sessionId} closed${sessionStatus === SESSION_STATUS.CLOSED ? ' (the gateway reports status 2)' : ''}; its concurrency slot is free.`,
  );
}

/**
 * `tvs-demo chat`: opens a session with the lifecycle helper (create, wait until ready, start,
 * open the command channel), speaks each line read from stdin, shows the avatar's speak status
 * as it goes, and closes the session whatever happens: `/quit`, end of input, an error, Ctrl-C.
 */
export async function chat(
  connection: Connection,
  run: Run,
  options: ChatOptions,
): Promise<{ event: 'done'; sessionId: string | undefined; sent: number }> {
  // Checked before a session (a paid slot) is opened: the command channel needs a WebSocket.
  if (typeof globalThis.WebSocket !== 'function') {
    throw new UsageError(
      `chat needs a WebSocket client, built into Node from version 22 on; this Node (${process.version}) has none.`,
      ["Run the demo with Node 22 or later, as the README's Quick start does (npx -p node@24 …)."],
    );
  }
  const { request, label } = await sessionRequest(connection, run, options);
  run.ui.line();
  run.ui.line(`Opening a session with ${label}: create, wait until ready, start, connect…`);
  let session: LiveSession | undefined;
  let sent = 0;
  try {
    await connection.client.sessions.run(
      request,
      async (live) => {
        session = live;
        run.ui.event({ event: 'ready', sessionId: live.sessionId, created: live.created });
        run.ui.line(
          `Session ${live.sessionId} is live (stream: ${live.created.PlayStreamAddr ?? 'n/a'}).`,
        );
        sent = await converse(live, run);
      },
      { signal: run.signal, waitReady: { pollInterval: connection.pollInterval } },
    );
  } finally {
    if (session !== undefined) await confirmClosed(connection, run, session);
  }
  return { event: 'done', sessionId: session?.sessionId, sent };
}
